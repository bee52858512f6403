package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Request;
import app.duet.server.auth.PasswordResets;
import app.duet.server.config.MailSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The reset flow end to end, with codes mailed through a real SMTP server (GreenMail). */
class PasswordResetIntegrationTest {
    private static final Pattern CODE = Pattern.compile("reset code is: (\\d{" + PasswordResets.CODE_DIGITS + "})");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    DuetServer server;

    @BeforeEach
    void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir)
                .mail(MailSettings.relay("127.0.0.1", mail.getSmtp().getPort(), MailSettings.Security.NONE, null, null,
                        "duet@example.org")).build());
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "mia", "Mia", "mia@example.org", "old password"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMailedCodeSetsANewPasswordOnceAndRevokesSessions() throws Exception {
        try (TestClient loggedIn = TestClient.hello(server); TestClient c = TestClient.hello(server)) {
            loggedIn.ok(new Request.Login(loggedIn.nextId(), "mia", "old password"));
            c.ok(new Request.PasswordResetRequest(c.nextId(), "MIA@example.org".toLowerCase()));
            String code = mailedCode("mia@example.org");

            c.error(new Request.PasswordResetConfirm(c.nextId(), "mia", code, "short"), ErrorCode.WEAK_PASSWORD);
            c.ok(new Request.PasswordResetConfirm(c.nextId(), "mia", code, "new password"));
            assertThat(loggedIn.awaitClose()).isEqualTo(4001);
            c.error(new Request.PasswordResetConfirm(c.nextId(), "mia", code, "another password"), ErrorCode.INVALID_RESET_CODE);
            c.error(new Request.Login(c.nextId(), "mia", "old password"), ErrorCode.WRONG_CREDENTIALS);
            c.ok(new Request.Login(c.nextId(), "mia", "new password"));
        }
    }

    @Test
    void aCodeDiesAfterFiveWrongTries() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.PasswordResetRequest(c.nextId(), "mia"));
            String code = mailedCode("mia@example.org");
            String wrong = code.equals("00000000") ? "11111111" : "00000000";
            for (int i = 0; i < PasswordResets.MAX_ATTEMPTS; i++) {
                c.error(new Request.PasswordResetConfirm(c.nextId(), "mia", wrong, "new password"), ErrorCode.INVALID_RESET_CODE);
            }
            c.error(new Request.PasswordResetConfirm(c.nextId(), "mia", code, "new password"), ErrorCode.INVALID_RESET_CODE);
            c.ok(new Request.Login(c.nextId(), "mia", "old password"));
        }
    }

    @Test
    void unknownAccountsGetTheSameAnswerAndNoMail() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.PasswordResetRequest(c.nextId(), "nobody@example.org"));
            c.ok(new Request.PasswordResetRequest(c.nextId(), "nobody"));
            c.ok(new Request.PasswordResetRequest(c.nextId(), "mia"));
            assertThat(mail.waitForIncomingEmail(TestClient.TIMEOUT.toMillis(), 1)).isTrue();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("mia@example.org");
            c.error(new Request.PasswordResetConfirm(c.nextId(), "nobody", "12345678", "new password"), ErrorCode.INVALID_RESET_CODE);
        }
    }

    @Test
    void anAdminIssuedCodeWorksToo() throws Exception {
        String code = server.issueResetCode("mia");
        assertThat(code).matches("\\d{8}");
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.PasswordResetConfirm(c.nextId(), "mia", code, "admin given"));
            c.ok(new Request.Login(c.nextId(), "mia", "admin given"));
        }
    }

    private static String mailedCode(String to) throws Exception {
        assertThat(mail.waitForIncomingEmail(TestClient.TIMEOUT.toMillis(), 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(to);
        Matcher m = CODE.matcher(GreenMailUtil.getBody(message));
        assertThat(m.find()).as("code in mail body").isTrue();
        return m.group(1);
    }
}
