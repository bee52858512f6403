package app.duet.client.ui.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

/**
 * The signaling client's connection and sign-in state as JavaFX properties. The client delivers its
 * callbacks on the FX thread (the app passes {@code Platform::runLater}), so the properties change there.
 */
public final class SessionState implements SignalingListener {
    private final SignalingClient client;
    private final ReadOnlyObjectWrapper<ConnectionState> connection;
    private final ReadOnlyObjectWrapper<UserInfo> user = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper serverAddress;

    public SessionState(SignalingClient client) {
        this.client = client;
        this.connection = new ReadOnlyObjectWrapper<>(client.state());
        this.serverAddress = new ReadOnlyStringWrapper(client.serverUri().toString());
        client.user().ifPresent(user::set);
        client.addListener(this);
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
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
        serverAddress.set(client.serverUri().toString());
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        connection.set(state);
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        user.set(auth.user());
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        user.set(null);
    }
}
