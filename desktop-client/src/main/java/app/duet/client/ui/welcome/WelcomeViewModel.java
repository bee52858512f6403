package app.duet.client.ui.welcome;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.util.Optional;

import app.duet.client.config.ServerAddress;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;

/**
 * The first screen: what Duet is, which server it talks to (typed as a host name, wss:// unless it is this
 * computer), and the way to sign up or log in. A plain ws:// address of another computer is asked about first.
 */
public final class WelcomeViewModel {
    private final Navigator navigator;
    private final SessionState session;
    private final ServerSwitch serverSwitch;
    private final StringProperty serverAddress = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final StringBinding connectionText;
    /** The host a plain ws:// address would reach, while the person is asked whether to use it; else null. */
    private final ReadOnlyStringWrapper unencryptedHost = new ReadOnlyStringWrapper();
    private URI confirmedUnencrypted;
    private Runnable afterConfirming = () -> { };

    public WelcomeViewModel(Navigator navigator, SessionState session, ServerSwitch serverSwitch, UserMessage notice) {
        this.navigator = navigator;
        this.session = session;
        this.serverSwitch = serverSwitch;
        this.serverAddress.set(shown(session.serverAddressProperty().get()));
        this.message.set(notice);
        this.connectionText = Bindings.createStringBinding(() -> describe(session.connectionProperty().get()),
                session.connectionProperty());
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Connected", "Connecting…", … for the status line under the address. */
    public StringBinding connectionTextProperty() {
        return connectionText;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return session.connectionProperty();
    }

    /** Set while the person is asked whether to connect without encryption: the host it would reach. */
    public ReadOnlyStringProperty unencryptedHostProperty() {
        return unencryptedHost.getReadOnlyProperty();
    }

    /** Uses the typed server address if it changed; false (and a message or a question) when it cannot yet. */
    public boolean applyServer() {
        Optional<URI> typed = ServerAddress.parse(serverAddress.get());
        URI current = URI.create(session.serverAddressProperty().get());
        if (typed.isPresent() && ServerAddress.sameServer(typed.get(), current)) {
            return true;
        }
        if (typed.isPresent() && ServerAddress.unencryptedRemote(typed.get()) && !typed.get().equals(confirmedUnencrypted)) {
            unencryptedHost.set(typed.get().getHost());
            return false;
        }
        var problem = serverSwitch.switchTo(serverAddress.get());
        message.set(problem.orElse(null));
        problem.ifPresentOrElse(p -> { }, () -> serverAddress.set(shown(session.serverAddressProperty().get())));
        return problem.isEmpty();
    }

    /** "Connect anyway": uses the plain address, then does what was asked (sign up, log in) before the question. */
    public void connectUnencrypted() {
        confirmedUnencrypted = ServerAddress.parse(serverAddress.get()).orElse(null);
        unencryptedHost.set(null);
        if (applyServer()) {
            afterConfirming.run();
        }
        afterConfirming = () -> { };
    }

    /** "Cancel": back to the server in use. */
    public void keepEncrypted() {
        unencryptedHost.set(null);
        afterConfirming = () -> { };
        serverAddress.set(shown(session.serverAddressProperty().get()));
    }

    public void signUp() {
        afterConfirming = navigator::signup;
        if (applyServer()) {
            navigator.signup();
        }
    }

    public void logIn() {
        afterConfirming = navigator::login;
        if (applyServer()) {
            navigator.login();
        }
    }

    public void settings() {
        navigator.settings();
    }

    private static String shown(String uri) {
        return ServerAddress.display(URI.create(uri));
    }

    private static String describe(ConnectionState state) {
        return switch (state) {
            case CONNECTED -> "Connected";
            case CONNECTING -> "Connecting…";
            case RECONNECTING -> "Reconnecting…";
            case OFFLINE -> "Not reachable — Duet keeps trying";
            case REFUSED -> "Too many connections from your network";
            case IDLE -> "Reachable — connects again when you sign in";
        };
    }
}
