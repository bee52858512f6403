package app.duet.client.ui.login;

import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;

/** Log in with username and password; "remember me" keeps the session across restarts. */
public final class LoginViewModel {
    private final SignalingClient client;
    private final Navigator navigator;
    private final Executor ui;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canLogIn;

    public LoginViewModel(SignalingClient client, Navigator navigator, Executor ui, String username, UserMessage notice) {
        this.client = client;
        this.navigator = navigator;
        this.ui = ui;
        this.username.set(username == null ? "" : username);
        this.message.set(notice);
        this.canLogIn = Bindings.createBooleanBinding(
                () -> !busy.get() && !this.username.get().isBlank() && !password.get().isEmpty(),
                busy, this.username, password);
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
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }

    public void logIn() {
        if (!canLogIn.get()) {
            return;
        }
        busy.set(true);
        message.set(UserMessage.info("Logging in…"));
        client.login(username.get().trim().toLowerCase(java.util.Locale.ROOT), password.get(), remember.get())
                .whenCompleteAsync((auth, error) -> {
                    busy.set(false);
                    if (error != null) {
                        message.set(ErrorMessages.of(error));
                        password.set("");
                    } else {
                        message.set(null);
                        navigator.channels();
                    }
                }, ui);
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
