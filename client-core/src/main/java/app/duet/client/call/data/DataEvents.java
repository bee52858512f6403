package app.duet.client.call.data;

import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;

/** What arrives over the data channel, reported on the data executor. */
public interface DataEvents {

    void channelOpen(boolean open);

    void chat(ChatMessage message);

    void remoteMedia(RemoteMediaState state);

    void fileTransfer(FileTransferUpdate update);
}
