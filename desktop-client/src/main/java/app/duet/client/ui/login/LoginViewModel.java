package app.duet.client.ui.login;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.BooleanBinding;

import app.duet.client.signaling.AccountService;
import app.duet.client.ui.common.SignInForm;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.verify.VerifyEmailViewModel;
import app.duet.protocol.Result;

/** Log in with username and password; "remember me" keeps the session across restarts. */
public final class LoginViewModel {
    private final AccountService accounts;
    private final Navigator navigator;
    private final SignInForm form;
    private final BooleanBinding canLogIn;

    public LoginViewModel(AccountService accounts, Navigator navigator, Executor ui, String username, UserMessage notice) {
        this.accounts = accounts;
        this.navigator = navigator;
        this.form = new SignInForm(ui, navigator::channels);
        form.usernameProperty().set(username == null ? "" : username);
        form.show(notice);
        this.canLogIn = form.canSubmit();
    }

    /** Username, password, "remember me", busy flag and message line. */
    public SignInForm form() {
        return form;
    }

    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }

    public void logIn() {
        if (!canLogIn.get()) {
            return;
        }
        String user = form.account();
        String password = form.passwordProperty().get();
        boolean remember = form.rememberProperty().get();
        CompletableFuture<Result.Auth> login = accounts.login(user, password, remember);
        form.submit("Logging in…", login, () -> VerifyEmailViewModel.waitsForCode(login).ifPresentOrElse(
                sentence -> navigator.verifyEmail(new VerifyEmailViewModel.Pending(user, password, null, remember),
                        UserMessage.warning("Your e-mail address is not verified yet.", sentence)),
                () -> form.passwordProperty().set("")));
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
