package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Request;
import app.duet.server.auth.PasswordResets;
import app.duet.server.testing.PrivateSmtp;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reset flow end to end, with codes mailed through a real SMTP server ({@link PrivateSmtp}). */
class PasswordResetIntegrationTest {
    private static final Pattern CODE = Pattern.compile("reset code is: (\\d{" + PasswordResets.CODE_DIGITS + "})");

    @TempDir
    Path dataDir;
    PrivateSmtp mail;
    DuetServer server;

    @BeforeEach
    void start() throws Exception {
        mail = PrivateSmtp.start(dataDir.resolve("smtp"));
        server = DuetServer.start(TestServers.config(dataDir.resolve("server")).mail(mail.settings()).build());
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "mia", "Mia", "mia@example.org", "old password"));
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        mail.close();
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
            assertThat(mail.awaitMail("mia@example.org", 1)).contains("reset code is:");
            assertThat(mail.mails()).hasSize(1); // nothing to the unknown ones
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

    private String mailedCode(String to) {
        Matcher m = CODE.matcher(mail.awaitMail(to, 1));
        assertThat(m.find()).as("code in mail body").isTrue();
        return m.group(1);
    }
}
