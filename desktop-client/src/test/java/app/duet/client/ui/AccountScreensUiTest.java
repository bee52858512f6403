package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;

/** Welcome, sign up, log in, remember me, forgot password and their error states, against the real server. */
class AccountScreensUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;
    private UiClient ui;

    @BeforeEach
    void startServer() {
        server = rig.server();
    }

    @Test
    void signUpFromTheWelcomeScreenLandsOnChannels() {
        ui = rig.window(server.uri(), "ann");
        ui.awaitScreen("Welcome");
        ui.awaitText("Connected");

        ui.press("welcome-signup");
        ui.awaitScreen("Sign up");
        fillSignup("ann", "Ann Smith", "ann@example.org", "correct horse", "correct horse");
        ui.press("signup-submit");

        ui.awaitScreen("Channels");
        assertThat(ui.text("channels-user")).isEqualTo("Ann Smith");
    }

    @Test
    void signUpExplainsLocalMistakesAndATakenUsername() {
        ui = rig.window(server.uri(), "ann");
        ui.press("welcome-signup");
        fillSignup("ann", "Ann", "ann@example.org", "short", "short");
        ui.press("signup-submit");
        ui.awaitText("That password is too short.");

        fillSignup("ann", "Ann", "ann@example.org", "correct horse", "correct hors");
        ui.press("signup-submit");
        ui.awaitText("The two passwords differ.");

        fillSignup("Not Valid!", "Ann", "ann@example.org", "correct horse", "correct horse");
        ui.press("signup-submit");
        ui.awaitText("That username can't be used.");

        fillSignup("ann", "Ann", "ann@example.org", "correct horse", "correct horse");
        ui.press("signup-submit");
        ui.awaitScreen("Channels");
        ui.press("log-out");
        ui.awaitScreen("Welcome");

        ui.press("welcome-signup");
        fillSignup("ann", "Other Ann", "other@example.org", "correct horse", "correct horse");
        ui.press("signup-submit");
        ui.awaitText("That username is taken.");
        ui.awaitText("Pick another one.");
    }

    @Test
    void wrongPasswordIsExplainedAndRememberMeSignsInOnTheNextStart() {
        ui = rig.window(server.uri(), "ann");
        UiRig.signUp(ui, "ann", "");
        ui.press("log-out");
        ui.awaitScreen("Welcome");

        ui.press("welcome-login");
        ui.awaitScreen("Log in");
        UiRig.logIn(ui, "ann", "not my password");
        ui.awaitText("Wrong username or password.");
        ui.awaitText("Forgot password");

        ui.type("login-password", "correct horse");
        ui.press("login-submit");
        ui.awaitScreen("Channels");
        ui.close();

        ui = rig.window(server.uri(), "ann");
        ui.awaitScreen("Channels");
        assertThat(ui.text("channels-user")).isEqualTo("ann");
    }

    @Test
    void forgotPasswordTakesACodeAndANewPassword() {
        ui = rig.window(server.uri(), "ann");
        UiRig.signUp(ui, "ann", "");
        ui.press("log-out");
        ui.press("welcome-login");
        ui.press("login-forgot");
        ui.awaitScreen("Reset password");

        ui.type("reset-login", "ann");
        ui.press("reset-request");
        ui.awaitText("a reset code is on its way");
        ui.type("reset-code", "00000000");
        ui.type("reset-new-password", "new horse battery");
        ui.press("reset-confirm");
        ui.awaitText("That reset code is wrong or has expired.");

        ui.type("reset-code", server.issueResetCode("ann"));
        ui.press("reset-confirm");
        ui.awaitScreen("Log in");
        ui.awaitText("Your password is changed.");
        ui.type("login-password", "new horse battery");
        ui.press("login-submit");
        ui.awaitScreen("Channels");
    }

    @Test
    void aPasswordResetElsewhereEndsThisSessionAndAsksToLogInAgain() throws Exception {
        ui = rig.window(server.uri(), "ann");
        UiRig.signUp(ui, "ann", "");
        try (SignalingClient phone = rig.client(server.uri(), "phone")) {
            phone.confirmPasswordReset("ann", server.issueResetCode("ann"), "new horse battery").get();
        }

        ui.awaitScreen("Log in");
        ui.awaitText("Your session has ended.");
        UiRig.logIn(ui, "ann", "new horse battery");
        ui.awaitScreen("Channels");
    }

    @Test
    void anUnreachableServerIsExplainedWithWhatToTry() throws Exception {
        int unused = TestServer.unusedPort();
        ui = rig.window(URI.create("ws://127.0.0.1:" + unused), "ann");
        ui.awaitText("Can't reach the server at ws://127.0.0.1:" + unused);
        ui.awaitText("Not reachable");

        ui.press("welcome-login");
        UiRig.logIn(ui, "ann", "correct horse");
        ui.awaitText("Can't reach the Duet server.");
        ui.awaitText("Check the server address");
    }

    @Test
    void aMistypedServerAddressIsExplainedAndAGoodOneIsUsed() {
        ui = rig.window(URI.create("ws://127.0.0.1:1"), "ann");
        ui.type("welcome-server", "http://nope");
        ui.press("welcome-signup");
        ui.awaitText("is not a server address");

        ui.type("welcome-server", server.uri().toString());
        ui.press("welcome-signup");
        ui.awaitScreen("Sign up");
        fillSignup("ann", "Ann", "ann@example.org", "correct horse", "correct horse");
        ui.press("signup-submit");
        ui.awaitScreen("Channels");
    }

    private void fillSignup(String user, String display, String mail, String pass, String again) {
        ui.type("signup-username", user);
        ui.type("signup-display-name", display);
        ui.type("signup-email", mail);
        ui.type("signup-password", pass);
        ui.type("signup-confirm", again);
    }
}
