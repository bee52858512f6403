package app.duet.client.ui.reset;

import java.util.Locale;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.AccountService;
import app.duet.client.ui.common.FormStatus;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.Protocol;

/** Forgot password: first ask for a code by e-mail, then set a new password with it. */
public final class ResetPasswordViewModel {

    public enum Step { REQUEST_CODE, ENTER_CODE }

    private final AccountService accounts;
    private final Navigator navigator;
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.REQUEST_CODE);
    private final FormStatus status;
    private final BooleanBinding canRequest;
    private final BooleanBinding canConfirm;

    public ResetPasswordViewModel(AccountService accounts, Navigator navigator, Executor ui) {
        this.accounts = accounts;
        this.navigator = navigator;
        this.status = new FormStatus(ui);
        ReadOnlyBooleanProperty busy = status.busyProperty();
        canRequest = Bindings.createBooleanBinding(() -> !busy.get() && !login.get().isBlank(), busy, login);
        canConfirm = Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !code.get().isBlank() && !newPassword.get().isEmpty(),
                busy, username, code, newPassword);
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return status.messageProperty();
    }

    public BooleanBinding canRequestProperty() {
        return canRequest;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public void requestCode() {
        if (!canRequest.get()) {
            return;
        }
        String who = login.get().trim();
        status.send(accounts.requestPasswordReset(who), ok -> {
            if (FieldFormat.USERNAME.matches(who.toLowerCase(Locale.ROOT))) {
                username.set(who.toLowerCase(Locale.ROOT));
            }
            step.set(Step.ENTER_CODE);
            status.show(UserMessage.info("If an account matches, a reset code is on its way to its e-mail address. "
                    + "Enter it below with a new password."));
        }, () -> { });
    }

    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        if (newPassword.get().length() < Protocol.MIN_PASSWORD_LENGTH) {
            status.show(UserMessage.error("That password is too short.",
                    "Use at least " + Protocol.MIN_PASSWORD_LENGTH + " characters."));
            return;
        }
        String user = username.get().trim().toLowerCase(Locale.ROOT);
        status.send(accounts.confirmPasswordReset(user, code.get().trim(), newPassword.get()),
                ok -> navigator.login(user, UserMessage.success("Your password is changed. Log in with the new one.")),
                () -> { });
    }

    /** Back to the first step, e.g. to ask for another code. */
    public void startOver() {
        step.set(Step.REQUEST_CODE);
        status.show(null);
    }

    public void back() {
        navigator.login();
    }
}
