package app.duet.client.ui.verify;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.EmailVerificationService;
import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.FormStatus;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.FieldFormat;

/**
 * "Check your e-mail": the code mailed to a new account's address signs it in; a new code can be asked for,
 * to a corrected address too. Reached from sign-up or login when the server answers {@code EMAIL_UNVERIFIED}.
 */
public final class VerifyEmailViewModel {
    /** Who waits for a code, with what they typed to get here; {@code email} null when not known (a login). */
    public record Pending(String username, String password, String email, boolean remember) {
        @Override
        public String toString() {
            return "Pending[" + username + "]";
        }
    }

    private final EmailVerificationService verification;
    private final Navigator navigator;
    private final Pending pending;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty email;
    private final FormStatus status;
    private final BooleanBinding canVerify;
    private final BooleanBinding canResend;

    public VerifyEmailViewModel(EmailVerificationService verification, Navigator navigator, Executor ui,
            Pending pending, UserMessage notice) {
        this.verification = verification;
        this.navigator = navigator;
        this.pending = pending;
        this.email = new SimpleStringProperty(pending.email() == null ? "" : pending.email());
        this.status = new FormStatus(ui);
        status.show(notice);
        ReadOnlyBooleanProperty busy = status.busyProperty();
        canVerify = Bindings.createBooleanBinding(() -> !busy.get() && !code.get().isBlank(), busy, code);
        canResend = Bindings.createBooleanBinding(() -> !busy.get(), busy);
    }

    /**
     * The server's sentence when {@code failed} (a sign-up or login that has ended) was refused because the
     * account waits for its e-mail code; empty for any other outcome.
     */
    public static Optional<String> waitsForCode(CompletableFuture<?> failed) {
        Throwable error = failed.handle((ok, e) -> e).getNow(null);
        return error != null && Background.cause(error) instanceof SignalingException.ServerError e
                && e.code() == ErrorCode.EMAIL_UNVERIFIED ? Optional.of(e.getMessage()) : Optional.empty();
    }

    public String username() {
        return pending.username();
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** The address to send a new code to; changing it corrects a mistyped one. */
    public StringProperty emailProperty() {
        return email;
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return status.messageProperty();
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    public BooleanBinding canResendProperty() {
        return canResend;
    }

    /** Signs in with the code; the channels follow. */
    public void verify() {
        if (!canVerify.get()) {
            return;
        }
        status.show(UserMessage.info("Checking the code…"));
        status.send(verification.verify(pending.username(), code.get().strip(), pending.remember()),
                auth -> navigator.channels(), () -> code.set(""));
    }

    /** Mails a new code, to the address in the field if it was changed. */
    public void resend() {
        if (!canResend.get()) {
            return;
        }
        String to = email.get().strip();
        if (!to.isEmpty() && !FieldFormat.EMAIL.matches(to)) {
            status.show(UserMessage.error("That e-mail address doesn't look right.",
                    "Use " + FieldFormat.EMAIL.description() + "."));
            return;
        }
        String newEmail = to.isEmpty() || to.equalsIgnoreCase(pending.email()) ? null : to;
        status.send(verification.resend(pending.username(), pending.password(), newEmail),
                ok -> status.show(UserMessage.success("A new code is on its way" + (to.isEmpty() ? "." : " to " + to + ".")
                        + " The one before no longer works.")), () -> { }, VerifyEmailViewModel::explainResend);
    }

    /** A refused resend says when to ask again, in the server's words, instead of the general "too fast". */
    private static UserMessage explainResend(Throwable failure) {
        return Background.cause(failure) instanceof SignalingException.ServerError e && e.code() == ErrorCode.RATE_LIMITED
                ? UserMessage.error("A new code was asked for a moment ago.", e.getMessage())
                : ErrorMessages.of(failure);
    }

    public void back() {
        navigator.login(pending.username(), null);
    }
}
