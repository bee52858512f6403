package app.duet.client.ui.signup;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.AccountService;
import app.duet.client.ui.common.AccountChecks;
import app.duet.client.ui.common.SignInForm;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.verify.VerifyEmailViewModel;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Result;

/** Creates an account. Checks the form locally first so most mistakes are explained without a round trip. */
public final class SignupViewModel {
    private final AccountService accounts;
    private final Navigator navigator;
    private final SignInForm form;
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final StringProperty invite = new SimpleStringProperty("");
    private final RegistrationMode registration;
    private final boolean verifiesEmail;
    private final BooleanBinding canSignUp;

    /** {@code verifiesEmail}: the server's hello said new accounts verify their address with a mailed code. */
    public SignupViewModel(AccountService accounts, boolean verifiesEmail, Navigator navigator, Executor ui) {
        this.accounts = accounts;
        this.verifiesEmail = verifiesEmail;
        this.navigator = navigator;
        this.form = new SignInForm(ui, navigator::channels);
        this.registration = accounts.registration();
        canSignUp = registration == RegistrationMode.CLOSED ? javafx.beans.binding.Bindings.createBooleanBinding(() -> false)
                : form.canSubmit(email);
    }

    /** Who may sign up on this server, as its hello said: an invite field in invite mode, no form when closed. */
    public RegistrationMode registration() {
        return registration;
    }

    /** Whether the account is usable only once the code mailed to its address is entered. */
    public boolean verifiesEmail() {
        return verifiesEmail;
    }

    /** The registration invite, asked for only when the server's registration mode is invite. */
    public StringProperty inviteProperty() {
        return invite;
    }

    /** Username, password, "remember me", busy flag and message line. */
    public SignInForm form() {
        return form;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public BooleanBinding canSignUpProperty() {
        return canSignUp;
    }

    public void signUp() {
        if (!canSignUp.get()) {
            return;
        }
        String user = form.account();
        String name = displayName.get().isBlank() ? user : displayName.get().trim();
        String password = form.passwordProperty().get();
        Optional<UserMessage> problem = check(user, name, email.get().trim(), password, confirm.get());
        String code = invite.get().strip();
        if (problem.isEmpty() && registration == RegistrationMode.INVITE && code.isEmpty()) {
            problem = Optional.of(UserMessage.error("This server needs an invite to create an account.",
                    "Enter the invite its admin gave you."));
        }
        if (problem.isPresent()) {
            form.show(problem.get());
            return;
        }
        String mail = email.get().trim();
        boolean remember = form.rememberProperty().get();
        CompletableFuture<Result.Auth> signup = accounts.signup(user, name, mail, password,
                registration == RegistrationMode.INVITE ? code : null, remember);
        form.submit("Creating your account…", signup, () -> VerifyEmailViewModel.waitsForCode(signup).ifPresent(
                sentence -> navigator.verifyEmail(new VerifyEmailViewModel.Pending(user, password, mail, remember),
                        UserMessage.info(sentence))));
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
        Optional<UserMessage> badName = AccountChecks.displayName(name);
        if (badName.isPresent()) {
            return badName;
        }
        if (!FieldFormat.EMAIL.matches(mail)) {
            return Optional.of(UserMessage.error("That e-mail address doesn't look right.",
                    "Use " + FieldFormat.EMAIL.description() + "."));
        }
        return AccountChecks.newPassword(pass, again);
    }
}
