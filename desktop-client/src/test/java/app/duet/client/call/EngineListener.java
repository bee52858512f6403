package app.duet.client.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RecordingListener} that also records rings and ends. */
class EngineListener extends RecordingListener implements CallEngineListener {

    final List<IncomingCall> incoming = new CopyOnWriteArrayList<>();
    final List<CallEnd> ends = new CopyOnWriteArrayList<>();

    @Override
    public void incomingCall(IncomingCall call) {
        incoming.add(call);
    }

    @Override
    public void callEnded(String callId, CallEnd how) {
        ends.add(how);
    }
}
