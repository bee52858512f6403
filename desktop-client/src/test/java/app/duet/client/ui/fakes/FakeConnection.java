package app.duet.client.ui.fakes;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.ServerConnection;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.UserInfo;

/** A {@link ServerConnection} whose state the test sets and whose events the test fires. */
public final class FakeConnection implements ServerConnection {
    private final Map<SignalingListener, Executor> listeners = new ConcurrentHashMap<>();
    private ConnectionState state = ConnectionState.CONNECTING;
    private URI server;
    private UserInfo user;

    public FakeConnection(String server) {
        this.server = URI.create(server);
    }

    /** Changes the state and tells the listeners, as the client does. */
    public void becomes(ConnectionState next) {
        state = next;
        fire(l -> l.onConnectionState(next));
    }

    public void signedInAlready(UserInfo who) {
        user = who;
    }

    /** Delivers an event to every listener. */
    public void fire(Consumer<SignalingListener> event) {
        listeners.forEach((listener, deliverOn) -> deliverOn.execute(() -> event.accept(listener)));
    }

    public List<SignalingListener> listeners() {
        return List.copyOf(listeners.keySet());
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public URI serverUri() {
        return server;
    }

    @Override
    public Optional<UserInfo> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public void changeServer(URI uri) {
        server = uri;
        user = null;
    }

    @Override
    public void addListener(SignalingListener listener, Executor deliverOn) {
        listeners.put(listener, deliverOn);
    }

    @Override
    public void removeListener(SignalingListener listener) {
        listeners.remove(listener);
    }
}
