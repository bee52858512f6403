package app.duet.client.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingListener.SignOutReason;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.protocol.UserInfo;

class SessionStateTest {
    private final FakeConnection connection = new FakeConnection("ws://duet.example:8686");

    @Test
    void startsFromWhatTheConnectionKnows() {
        connection.signedInAlready(new UserInfo("ann", "Ann"));

        SessionState session = new SessionState(connection, Runnable::run);

        assertThat(session.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(session.serverAddressProperty().get()).isEqualTo("ws://duet.example:8686");
        assertThat(session.userProperty().get()).isEqualTo(new UserInfo("ann", "Ann"));
        assertThat(session.signedIn()).isTrue();
    }

    @Test
    void followsTheConnectionAndTheSignIns() {
        SessionState session = new SessionState(connection, Runnable::run);
        assertThat(session.signedIn()).isFalse();

        connection.becomes(ConnectionState.CONNECTED);
        connection.fire(l -> l.onSignedIn(FakeAccounts.auth("bob", "Bob"), false));

        assertThat(session.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(session.userProperty().get()).isEqualTo(new UserInfo("bob", "Bob"));

        connection.becomes(ConnectionState.RECONNECTING);
        connection.fire(l -> l.onSignedOut(SignOutReason.SESSION_EXPIRED));

        assertThat(session.connectionProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(session.userProperty().get()).isNull();
        assertThat(session.signedIn()).isFalse();
    }

    @Test
    void readsTheAddressAgainWhenTheServerChanged() {
        SessionState session = new SessionState(connection, Runnable::run);

        connection.changeServer(URI.create("wss://other.example"));
        assertThat(session.serverAddressProperty().get()).isEqualTo("ws://duet.example:8686");
        session.serverChanged();

        assertThat(session.serverAddressProperty().get()).isEqualTo("wss://other.example");
    }
}
