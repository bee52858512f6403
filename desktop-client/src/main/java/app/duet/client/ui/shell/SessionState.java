package app.duet.client.ui.shell;

import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.ServerConnection;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.Event;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

/**
 * The server connection's state and who is signed in, as JavaFX properties. The connection's events are
 * delivered through {@code ui} (the FX thread in the app), so the properties change there.
 */
public final class SessionState implements SignalingListener {
    private final ServerConnection connection;
    private final ReadOnlyObjectWrapper<ConnectionState> state;
    private final ReadOnlyObjectWrapper<UserInfo> user = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper serverAddress;

    public SessionState(ServerConnection connection, Executor ui) {
        this.connection = connection;
        this.state = new ReadOnlyObjectWrapper<>(connection.state());
        this.serverAddress = new ReadOnlyStringWrapper(connection.serverUri().toString());
        connection.user().ifPresent(user::set);
        connection.addListener(this, ui);
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserInfo> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverAddressProperty() {
        return serverAddress.getReadOnlyProperty();
    }

    public boolean signedIn() {
        return user.get() != null;
    }

    public void serverChanged() {
        serverAddress.set(connection.serverUri().toString());
    }

    @Override
    public void onConnectionState(ConnectionState now) {
        state.set(now);
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        user.set(auth.user());
    }

    @Override
    public void onDisplayNameChanged(Event.DisplayNameChanged event) {
        if (user.get() != null && user.get().username().equals(event.user().username())) {
            user.set(event.user());
        }
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        user.set(null);
    }
}
