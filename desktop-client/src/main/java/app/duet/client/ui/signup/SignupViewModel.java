package app.duet.client.ui.signup;

import java.util.Locale;
import java.util.Optional;
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
import app.duet.protocol.FieldFormat;
import app.duet.protocol.Protocol;

/** Creates an account. Checks the form locally first so most mistakes are explained without a round trip. */
public final class SignupViewModel {
    private final SignalingClient client;
    private final Navigator navigator;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final FormStatus status;
    private final BooleanBinding canSignUp;

    public SignupViewModel(SignalingClient client, Navigator navigator, Executor ui) {
        this.client = client;
        this.navigator = navigator;
        this.status = new FormStatus(ui);
        canSignUp = Bindings.createBooleanBinding(
                () -> !status.busyProperty().get() && !username.get().isBlank() && !email.get().isBlank()
                        && !password.get().isEmpty(),
                status.busyProperty(), username, email, password);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
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

    public BooleanBinding canSignUpProperty() {
        return canSignUp;
    }

    public void signUp() {
        if (!canSignUp.get()) {
            return;
        }
        String user = username.get().trim().toLowerCase(Locale.ROOT);
        String name = displayName.get().isBlank() ? user : displayName.get().trim();
        Optional<UserMessage> problem = check(user, name, email.get().trim(), password.get(), confirm.get());
        if (problem.isPresent()) {
            status.show(problem.get());
            return;
        }
        status.show(UserMessage.info("Creating your account…"));
        status.send(client.signup(user, name, email.get().trim(), password.get(), remember.get()),
                auth -> {
                    status.show(null);
                    navigator.channels();
                },
                () -> { });
    }

    public void logInInstead() {
        navigator.login();
    }

    public void back() {
        navigator.welcome();
    }

    static Optional<UserMessage> check(String user, String name, String mail, String pass, String again) {
        if (!FieldFormat.USERNAME.matches(user)) {
            return Optional.of(UserMessage.error("That username can't be used.", "Use " + FieldFormat.USERNAME.description() + "."));
        }
        if (!FieldFormat.DISPLAY_NAME.matches(name) || name.length() > Protocol.MAX_DISPLAY_NAME_LENGTH) {
            return Optional.of(UserMessage.error("That display name can't be used.",
                    "Use up to " + Protocol.MAX_DISPLAY_NAME_LENGTH + " visible characters."));
        }
        if (!FieldFormat.EMAIL.matches(mail)) {
            return Optional.of(UserMessage.error("That e-mail address doesn't look right.",
                    "Use " + FieldFormat.EMAIL.description() + "; it is only used to reset your password."));
        }
        if (pass.length() < Protocol.MIN_PASSWORD_LENGTH) {
            return Optional.of(UserMessage.error("That password is too short.",
                    "Use at least " + Protocol.MIN_PASSWORD_LENGTH + " characters; a few words make a good one."));
        }
        if (!pass.equals(again)) {
            return Optional.of(UserMessage.error("The two passwords differ.", "Type the same password twice."));
        }
        return Optional.empty();
    }
}
