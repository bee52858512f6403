package app.duet.client.call;

import java.util.concurrent.Executor;

import app.duet.client.call.data.DataEvents;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.threads.GuardedTasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers call events to one listener on the executor it chose, isolating its failures. */
final class Listeners implements DataEvents {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final CallListener listener;
    private final Executor executor;

    Listeners(CallListener listener, Executor executor) {
        this.listener = listener;
        this.executor = executor;
    }

    void state(CallState state) {
        deliver(() -> listener.stateChanged(state));
    }

    void quality(CallQuality quality) {
        deliver(() -> listener.quality(quality));
    }

    @Override
    public void channelOpen(boolean open) {
        dataChannel(open);
    }

    @Override
    public void chat(ChatMessage message) {
        deliver(() -> listener.chat(message));
    }

    @Override
    public void fileTransfer(FileTransferUpdate update) {
        deliver(() -> listener.fileTransfer(update));
    }

    @Override
    public void remoteMedia(RemoteMediaState state) {
        deliver(() -> listener.remoteMedia(state));
    }

    void safetyCode(String code) {
        deliver(() -> listener.safetyCode(code));
    }

    void dataChannel(boolean open) {
        deliver(() -> listener.dataChannel(open));
    }

    void problem(String message) {
        deliver(() -> listener.problem(message));
    }

    private void deliver(Runnable event) {
        GuardedTasks.execute(executor, event, e -> LOG.error("A call listener failed", e), "a call event");
    }
}
