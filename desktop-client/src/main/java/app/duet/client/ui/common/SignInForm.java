package app.duet.client.ui.common;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

import app.duet.protocol.Result;

/**
 * What logging in and signing up have in common: a username, a password and "remember me", one request
 * at a time with its status line, and on success the signed-in person moves on.
 */
public final class SignInForm {
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final FormStatus status;
    private final Runnable signedIn;

    /** {@code signedIn} runs on the UI thread once a request succeeds. */
    public SignInForm(Executor ui, Runnable signedIn) {
        this.status = new FormStatus(ui);
        this.signedIn = signedIn;
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

    /** The username as accounts are named: trimmed and in lower case. */
    public String account() {
        return username.get().trim().toLowerCase(Locale.ROOT);
    }

    /** True while no request runs, a username and a password are typed, and none of {@code alsoRequired} is blank. */
    public BooleanBinding canSubmit(ObservableStringValue... alsoRequired) {
        Observable[] dependencies = Stream.concat(Stream.of(status.busyProperty(), username, password),
                Stream.of(alsoRequired)).toArray(Observable[]::new);
        return Bindings.createBooleanBinding(
                () -> !status.busyProperty().get() && !username.get().isBlank() && !password.get().isEmpty()
                        && Stream.of(alsoRequired).noneMatch(field -> field.get().isBlank()),
                dependencies);
    }

    /** Shows a message, or clears the line with null. */
    public void show(UserMessage message) {
        status.show(message);
    }

    /**
     * Shows {@code progress} while the request runs; a success clears it and moves on, a failure is
     * explained and then {@code afterFailure} runs.
     */
    public void submit(String progress, CompletionStage<Result.Auth> request, Runnable afterFailure) {
        status.show(UserMessage.info(progress));
        status.send(request, auth -> {
            status.show(null);
            signedIn.run();
        }, afterFailure);
    }
}
