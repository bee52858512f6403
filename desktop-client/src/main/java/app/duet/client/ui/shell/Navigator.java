package app.duet.client.ui.shell;

/** Moves between screens. Implemented by the composition root, which knows how to build each one. */
public interface Navigator {
    void welcome();

    /** The welcome screen with a notice (e.g. after the account was deleted). */
    void welcome(app.duet.client.ui.common.UserMessage notice);

    void signup();

    void login();

    /** Log in with the username filled in and a notice shown (e.g. after a password reset). */
    void login(String username, app.duet.client.ui.common.UserMessage notice);

    void forgotPassword();

    /** "Check your e-mail": a new account waits for the code mailed to it ({@code notice}: the server's sentence). */
    void verifyEmail(app.duet.client.ui.verify.VerifyEmailViewModel.Pending pending,
            app.duet.client.ui.common.UserMessage notice);

    void channels();

    void settings();

    /** The signed-in user's account: name, password, export, deletion. */
    void account();

    /** The screen before settings (or the start screen). */
    void back();
}
