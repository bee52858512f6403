package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.duet.protocol.Event;
import app.duet.protocol.Result;

/** Remembers everything a signaling client reported, for assertions. */
final class RecordingListener implements SignalingListener {
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<Result.Auth> signIns = new CopyOnWriteArrayList<>();
    final List<Boolean> resumed = new CopyOnWriteArrayList<>();
    final List<SignOutReason> signOuts = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onConnectionState(ConnectionState state) {
        states.add(state);
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean wasResumed) {
        signIns.add(auth);
        resumed.add(wasResumed);
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        signOuts.add(reason);
    }

    @Override
    public void onPresence(Event.Presence event) {
        events.add(event);
    }

    @Override
    public void onCallIncoming(Event.CallIncoming event) {
        events.add(event);
    }

    @Override
    public void onCallDeclined(Event.CallDeclined event) {
        events.add(event);
    }

    @Override
    public void onOffer(Event.Offer event) {
        events.add(event);
    }

    @Override
    public void onCandidate(Event.Candidate event) {
        events.add(event);
    }

    @Override
    public void onServerShutdown(Event.ServerShutdown event) {
        events.add(event);
    }

    <T extends Event> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
