package app.duet.client.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;

/** Keeps every event a call reports, for assertions. */
class RecordingListener implements CallListener {

    final List<CallState> states = new CopyOnWriteArrayList<>();
    final List<CallQuality> qualities = new CopyOnWriteArrayList<>();
    final List<ChatMessage> chats = new CopyOnWriteArrayList<>();
    final List<FileTransferUpdate> files = new CopyOnWriteArrayList<>();
    final List<RemoteMediaState> remoteMedia = new CopyOnWriteArrayList<>();
    final List<String> safetyCodes = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile boolean dataOpen;

    @Override
    public void stateChanged(CallState state) {
        states.add(state);
    }

    @Override
    public void quality(CallQuality quality) {
        qualities.add(quality);
    }

    @Override
    public void chat(ChatMessage message) {
        chats.add(message);
    }

    @Override
    public void fileTransfer(FileTransferUpdate update) {
        files.add(update);
    }

    @Override
    public void remoteMedia(RemoteMediaState state) {
        remoteMedia.add(state);
    }

    @Override
    public void safetyCode(String code) {
        safetyCodes.add(code);
    }

    @Override
    public void dataChannel(boolean open) {
        dataOpen = open;
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }

    CallState lastState() {
        return states.isEmpty() ? CallState.IDLE : states.get(states.size() - 1);
    }

    RemoteMediaState lastRemoteMedia() {
        return remoteMedia.isEmpty() ? null : remoteMedia.get(remoteMedia.size() - 1);
    }

    CallQuality lastQuality() {
        return qualities.isEmpty() ? null : qualities.get(qualities.size() - 1);
    }
}
