package app.duet.client.ui.login;

import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.ui.common.FormStatus;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;

/** Log in with username and password; "remember me" keeps the session across restarts. */
public final class LoginViewModel {
    private final SignalingClient client;
    private final Navigator navigator;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final FormStatus status;
    private final BooleanBinding canLogIn;

    public LoginViewModel(SignalingClient client, Navigator navigator, Executor ui, String username, UserMessage notice) {
        this.client = client;
        this.navigator = navigator;
        this.status = new FormStatus(ui);
        this.username.set(username == null ? "" : username);
        status.show(notice);
        this.canLogIn = Bindings.createBooleanBinding(
                () -> !status.busyProperty().get() && !this.username.get().isBlank() && !password.get().isEmpty(),
                status.busyProperty(), this.username, password);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return status.messageProperty();
    }

    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }

    public void logIn() {
        if (!canLogIn.get()) {
            return;
        }
        status.show(UserMessage.info("Logging in…"));
        status.send(client.login(username.get().trim().toLowerCase(Locale.ROOT), password.get(), remember.get()),
                auth -> {
                    status.show(null);
                    navigator.channels();
                },
                () -> password.set(""));
    }

    public void forgotPassword() {
        navigator.forgotPassword();
    }

    public void signUpInstead() {
        navigator.signup();
    }

    public void back() {
        navigator.welcome();
    }
}
