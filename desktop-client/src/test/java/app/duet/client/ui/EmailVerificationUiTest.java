package app.duet.client.ui;

import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.server.testing.PrivateSmtp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-up on a server that verifies e-mail addresses, against the real server mailing through a real SMTP
 * server (PrivateSmtp): the form says a code will come, "Check your e-mail" follows, a wrong code and a
 * too-early resend are explained, and the code read from the delivered mail signs Ann in.
 */
class EmailVerificationUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void signUpEndsOnCheckYourEmailAndTheMailedCodeSignsIn() throws Exception {
        try (PrivateSmtp smtp = PrivateSmtp.start(temp.resolve("smtp"))) {
            TestServer server = rig.server(s -> s.mail(smtp.settings().withVerification()));
            UiClient ann = rig.window(server.uri(), "ann");
            ann.awaitText("Connected");
            ann.press("welcome-signup");
            ann.awaitText("We'll mail a code to it to finish signing up");
            ann.type("signup-username", "ann");
            ann.type("signup-email", "ann@example.org");
            ann.type("signup-password", UiRig.PASSWORD);
            ann.type("signup-confirm", UiRig.PASSWORD);
            ann.press("signup-submit");

            ann.awaitScreen("Verify your e-mail");
            ann.awaitText("We mailed a code to ann@example.org");
            String code = smtp.awaitCode("ann@example.org", 1);
            ann.type("verify-code", code.equals("12345678") ? "87654321" : "12345678");
            ann.press("verify-submit");
            ann.awaitText("That code does not work.");
            ann.press("verify-resend");
            ann.awaitText("A new code was asked for a moment ago.");
            new Screenshots().shoot(ann, "43-verify-email");

            ann.type("verify-code", code);
            ann.press("verify-submit");
            ann.awaitScreen("Channels");
        }
    }
}
