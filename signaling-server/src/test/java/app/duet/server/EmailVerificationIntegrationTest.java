package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.EmailVerificationRequests.EmailVerify;
import app.duet.protocol.EmailVerificationRequests.EmailVerifyResend;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.auth.EmailVerification;
import app.duet.server.testing.PrivateSmtp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail verification over the wire, with the real server mailing through a real SMTP server (PrivateSmtp,
 * aiosmtpd) and the codes read from the mail it delivered: sign-up → mail → verify → sign in, and each way it
 * can go wrong.
 */
@ExtendWith(NoLeakedThreads.class)
class EmailVerificationIntegrationTest {
    @TempDir
    static Path dir;
    static ManualClock clock = new ManualClock();
    static PrivateSmtp smtp;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        smtp = PrivateSmtp.start(dir.resolve("smtp"));
        server = DuetServer.start(TestServers.config(dir.resolve("data")).opsPort(-1)
                .mail(smtp.settings().withVerification()).build(), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        smtp.close();
    }

    private static Request.Signup signup(TestClient c, String name, String email) {
        return new Request.Signup(c.nextId(), name, "User " + name, email, password(name));
    }

    private static String password(String name) {
        return "password-of-" + name;
    }

    @Test
    void aNewAccountSignsInWithTheCodeFromItsMailAndNotBefore() throws Exception {
        try (TestClient c = TestClient.connect(server.uri())) {
            Result.Hello hello = c.ok(new Request.Hello(c.nextId(), 1, "test"));
            assertThat(hello.verifiesEmail()).isTrue();
            assertThat(c.error(signup(c, "ada", "ada@example.org"), ErrorCode.EMAIL_UNVERIFIED).message())
                    .contains("ada@example.org");
            c.error(new Request.Login(c.nextId(), "ada", "wrong password"), ErrorCode.WRONG_CREDENTIALS);
            c.error(new Request.Login(c.nextId(), "ada", password("ada")), ErrorCode.EMAIL_UNVERIFIED);
            c.error(new Request.ChannelsList(c.nextId()), ErrorCode.NOT_AUTHENTICATED);

            String code = smtp.awaitCode("ada@example.org", 1);
            assertThat(smtp.mailsTo("ada@example.org").get(0).getSubject()).isEqualTo("Your Duet verification code");
            Result.Auth auth = c.ok(new EmailVerify(c.nextId(), "ada", code));
            assertThat(auth.user().username()).isEqualTo("ada");
            c.ok(new Request.ChannelCreate(c.nextId(), "ada-room"));
            Result.AccountExport export = c.ok(new Request.AccountExport(c.nextId()));
            assertThat(export.export().profile().email()).isEqualTo("ada@example.org");
        }
        try (TestClient again = TestClient.hello(server)) {
            again.ok(new Request.Login(again.nextId(), "ada", password("ada")));
        }
    }

    @Test
    void wrongExpiredReplacedAndUsedCodesAreRefused() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.error(signup(c, "bea", "bea@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            String first = smtp.awaitCode("bea@example.org", 1);
            String wrong = first.equals("12345678") ? "87654321" : "12345678";
            assertThat(c.error(new EmailVerify(c.nextId(), "bea", wrong), ErrorCode.INVALID_VERIFICATION_CODE).message())
                    .contains("wrong");

            clock.advance(EmailVerification.CODE_TTL);
            assertThat(c.error(new EmailVerify(c.nextId(), "bea", first), ErrorCode.INVALID_VERIFICATION_CODE).message())
                    .contains("expired");

            c.ok(new EmailVerifyResend(c.nextId(), "bea", password("bea")));
            String second = smtp.awaitCode("bea@example.org", 2);
            c.error(new EmailVerify(c.nextId(), "bea", first), ErrorCode.INVALID_VERIFICATION_CODE);
            c.ok(new EmailVerify(c.nextId(), "bea", second));
        }
        try (TestClient other = TestClient.hello(server)) {
            String second = smtp.awaitCode("bea@example.org", 2);
            assertThat(other.error(new EmailVerify(other.nextId(), "bea", second), ErrorCode.INVALID_VERIFICATION_CODE)
                    .message()).contains("used");
            other.error(new EmailVerifyResend(other.nextId(), "bea", password("bea")), ErrorCode.WRONG_STATE);
            other.error(new EmailVerify(other.nextId(), "nobody", second), ErrorCode.INVALID_VERIFICATION_CODE);
        }
    }

    @Test
    void fiveWrongTriesSpendACode() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.error(signup(c, "cid", "cid@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            String code = smtp.awaitCode("cid@example.org", 1);
            String wrong = code.equals("12345678") ? "87654321" : "12345678";
            for (int i = 0; i < EmailVerification.MAX_ATTEMPTS; i++) {
                c.error(new EmailVerify(c.nextId(), "cid", wrong), ErrorCode.INVALID_VERIFICATION_CODE);
            }
            assertThat(c.error(new EmailVerify(c.nextId(), "cid", code), ErrorCode.INVALID_VERIFICATION_CODE).message())
                    .contains("Too many");
        }
    }

    @Test
    void aNewCodeComesAtMostOnceAMinuteAndAFewTimesAnHour() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.error(signup(c, "dan", "dan@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            smtp.awaitCode("dan@example.org", 1);
            c.error(new EmailVerifyResend(c.nextId(), "dan", password("dan")), ErrorCode.RATE_LIMITED);
            c.error(new EmailVerifyResend(c.nextId(), "dan", "not the password"), ErrorCode.WRONG_CREDENTIALS);
            for (int i = 0; i < EmailVerification.RESENDS_PER_HOUR; i++) {
                clock.advance(EmailVerification.MIN_INTERVAL);
                c.ok(new EmailVerifyResend(c.nextId(), "dan", password("dan")));
            }
            clock.advance(EmailVerification.MIN_INTERVAL);
            c.error(new EmailVerifyResend(c.nextId(), "dan", password("dan")), ErrorCode.RATE_LIMITED);
            String last = smtp.awaitCode("dan@example.org", 1 + EmailVerification.RESENDS_PER_HOUR);
            assertThat(smtp.mailsTo("dan@example.org")).hasSize(1 + EmailVerification.RESENDS_PER_HOUR);
            c.ok(new EmailVerify(c.nextId(), "dan", last));
        }
    }

    @Test
    void withTheRelayDownSignUpSaysSoAndStoresNothingAndAWaitingCodeKeepsWorking() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.error(signup(c, "eve", "eve@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            String code = smtp.awaitCode("eve@example.org", 1);
            smtp.stop();
            try {
                assertThat(c.error(signup(c, "fay", "fay@example.org"), ErrorCode.EMAIL_NOT_SENT).message())
                        .contains("try again");
                clock.advance(EmailVerification.MIN_INTERVAL);
                c.error(new EmailVerifyResend(c.nextId(), "eve", password("eve")), ErrorCode.EMAIL_NOT_SENT);
                c.ok(new Request.Ping(c.nextId()));
            } finally {
                smtp.start();
            }
            c.error(signup(c, "fay", "fay@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            c.ok(new EmailVerify(c.nextId(), "fay", smtp.awaitCode("fay@example.org", 1)));
        }
        try (TestClient eve = TestClient.hello(server)) {
            eve.ok(new EmailVerify(eve.nextId(), "eve", smtp.awaitCode("eve@example.org", 1)));
        }
    }

    @Test
    void aBadAddressIsRefusedAndAMistypedOneCorrectedOnResend() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"signup\",\"id\":\"b1\",\"username\":\"gus\",\"displayName\":\"Gus\","
                    + "\"email\":\"not-an-address\",\"password\":\"" + password("gus") + "\"}");
            assertThat(((ErrorReply) c.awaitUnmatched()).code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(c.error(signup(c, "gus", "gus@nowhere.invalid"), ErrorCode.EMAIL_NOT_SENT).message())
                    .contains("refused the address gus@nowhere.invalid");

            c.error(signup(c, "hal", "hal@example.org"), ErrorCode.EMAIL_UNVERIFIED);
            c.error(signup(c, "gus", "gus@exmaple.org"), ErrorCode.EMAIL_UNVERIFIED);
            clock.advance(EmailVerification.MIN_INTERVAL);
            c.error(new EmailVerifyResend(c.nextId(), "gus", password("gus"), "hal@example.org"), ErrorCode.EMAIL_TAKEN);
            c.ok(new EmailVerifyResend(c.nextId(), "gus", password("gus"), "gus@example.org"));
            String code = smtp.awaitCode("gus@example.org", 1);
            assertThat(smtp.mailsTo("hal@example.org")).as("no code to another account's address").hasSize(1);
            c.ok(new EmailVerify(c.nextId(), "gus", code));
            Result.AccountExport export = c.ok(new Request.AccountExport(c.nextId()));
            assertThat(export.export().profile().email()).isEqualTo("gus@example.org");
        }
    }
}
