package app.duet.client.ui.signup;

import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.signaling.AccountService;
import app.duet.client.ui.common.SignInForm;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.Protocol;

/** Creates an account. Checks the form locally first so most mistakes are explained without a round trip. */
public final class SignupViewModel {
    private final AccountService accounts;
    private final Navigator navigator;
    private final SignInForm form;
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final BooleanBinding canSignUp;

    public SignupViewModel(AccountService accounts, Navigator navigator, Executor ui) {
        this.accounts = accounts;
        this.navigator = navigator;
        this.form = new SignInForm(ui, navigator::channels);
        canSignUp = form.canSubmit(email);
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
        if (problem.isPresent()) {
            form.show(problem.get());
            return;
        }
        form.submit("Creating your account…",
                accounts.signup(user, name, email.get().trim(), password, form.rememberProperty().get()),
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
