package app.duet.client.ui.welcome;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;

/** The first screen: what Duet is, which server it talks to, and the way to sign up or log in. */
public final class WelcomeViewModel {
    private final Navigator navigator;
    private final SessionState session;
    private final ServerSwitch serverSwitch;
    private final StringProperty serverAddress = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final StringBinding connectionText;

    public WelcomeViewModel(Navigator navigator, SessionState session, ServerSwitch serverSwitch, UserMessage notice) {
        this.navigator = navigator;
        this.session = session;
        this.serverSwitch = serverSwitch;
        this.serverAddress.set(session.serverAddressProperty().get());
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

    /** Uses the typed server address if it changed. */
    public boolean applyServer() {
        if (serverAddress.get() != null && serverAddress.get().trim().equals(session.serverAddressProperty().get())) {
            return true;
        }
        var problem = serverSwitch.switchTo(serverAddress.get());
        message.set(problem.orElse(null));
        problem.ifPresentOrElse(p -> { }, () -> serverAddress.set(session.serverAddressProperty().get()));
        return problem.isEmpty();
    }

    public void signUp() {
        if (applyServer()) {
            navigator.signup();
        }
    }

    public void logIn() {
        if (applyServer()) {
            navigator.login();
        }
    }

    public void settings() {
        navigator.settings();
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
