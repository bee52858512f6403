package app.duet.client.call.data;

import app.duet.client.call.ChatMessage;
import app.duet.client.call.FileTransferUpdate;
import app.duet.client.call.RemoteMediaState;

/** What arrives over the data channel, reported on the data executor. */
public interface DataEvents {

    void channelOpen(boolean open);

    void chat(ChatMessage message);

    void remoteMedia(RemoteMediaState state);

    void fileTransfer(FileTransferUpdate update);
}
