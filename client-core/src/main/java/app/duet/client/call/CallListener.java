package app.duet.client.call;

import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;

/**
 * Everything a call reports to its user. Methods run on the executor the listener was registered with
 * (the UI passes {@code Platform::runLater}); all have empty defaults.
 */
public interface CallListener {

    default void stateChanged(CallState state) {
    }

    default void quality(CallQuality quality) {
    }

    default void chat(ChatMessage message) {
    }

    default void fileTransfer(FileTransferUpdate update) {
    }

    default void remoteMedia(RemoteMediaState state) {
    }

    /** Both sides show the same code when nobody intercepts the call. */
    default void safetyCode(String code) {
    }

    /** The data channel for chat and files opened or closed. */
    default void dataChannel(boolean open) {
    }

    /** Something the user should know about, as a sentence (e.g. "The camera could not be started."). */
    default void problem(String message) {
    }
}
