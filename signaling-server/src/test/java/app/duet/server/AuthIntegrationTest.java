package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Ok;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedThreads.class)
class AuthIntegrationTest {
    @TempDir
    static Path dataDir;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        // Generous frame rate: the throttling test sends 1000 logins and must hit the login limit, not this one.
        server = DuetServer.start(TestServers.config(dataDir).rateLimitPerSecond(10_000).rateLimitBurst(10_000).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Result.Auth signup(TestClient c, String username) {
        return c.ok(new Request.Signup(c.nextId(), username, "User " + username, username + "@example.org", "password-" + username));
    }

    @Test
    void signupLoginResumeLogout() throws Exception {
        Result.Auth first;
        try (TestClient c = TestClient.hello(server)) {
            first = signup(c, "ada");
            assertThat(first.user().username()).isEqualTo("ada");
            assertThat(first.user().displayName()).isEqualTo("User ada");
            assertThat(first.session().token()).hasSize(43);
            assertThat(Instant.ofEpochMilli(first.session().expiresAt())).isAfter(Instant.now().plus(Duration.ofDays(29)));
            assertThat(first.call()).isNull();
            c.error(new Request.Login(c.nextId(), "ada", "password-ada"), ErrorCode.ALREADY_AUTHENTICATED);
            c.ok(new Request.ChannelsList(c.nextId()));
        }
        try (TestClient c = TestClient.hello(server)) {
            Result.Auth resumed = c.ok(new Request.Resume(c.nextId(), first.session().token()));
            assertThat(resumed.user().username()).isEqualTo("ada");
            c.ok(new Request.Logout(c.nextId()));
            c.error(new Request.ChannelsList(c.nextId()), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.Resume(c.nextId(), first.session().token()), ErrorCode.SESSION_EXPIRED);
            Result.Auth login = c.ok(new Request.Login(c.nextId(), "ada", "password-ada"));
            assertThat(login.session().token()).isNotEqualTo(first.session().token());
        }
    }

    @Test
    void signupConflictsAndWeakPasswords() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            signup(c, "bea");
        }
        try (TestClient c = TestClient.hello(server)) {
            c.error(new Request.Signup(c.nextId(), "bea", "Other", "other@example.org", "long password"), ErrorCode.USERNAME_TAKEN);
            c.error(new Request.Signup(c.nextId(), "bea2", "Other", "BEA@example.org", "long password"), ErrorCode.EMAIL_TAKEN);
            c.error(new Request.Signup(c.nextId(), "bea3", "Other", "bea3@example.org", "short"), ErrorCode.WEAK_PASSWORD);
            c.error(new Request.Signup(c.nextId(), "bea4567", "Other", "bea4@example.org", "BEA4567"), ErrorCode.WEAK_PASSWORD);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            signup(c, "cid");
        }
        try (TestClient c = TestClient.hello(server)) {
            ErrorReply wrong = c.error(new Request.Login(c.nextId(), "cid", "not the password"), ErrorCode.WRONG_CREDENTIALS);
            ErrorReply unknown = c.error(new Request.Login(c.nextId(), "nobody", "not the password"), ErrorCode.WRONG_CREDENTIALS);
            assertThat(wrong.message()).isEqualTo(unknown.message());
            c.error(new Request.Resume(c.nextId(), "not-a-token"), ErrorCode.SESSION_EXPIRED);
        }
    }

    @Test
    void changingThePasswordRevokesTheOtherSessions() throws Exception {
        try (TestClient a = TestClient.hello(server); TestClient b = TestClient.hello(server)) {
            Result.Auth auth = signup(a, "dot");
            b.ok(new Request.Login(b.nextId(), "dot", "password-dot"));
            a.error(new Request.ChangePassword(a.nextId(), "wrong old one", "a brand new one"), ErrorCode.WRONG_CREDENTIALS);
            a.error(new Request.ChangePassword(a.nextId(), "password-dot", "short"), ErrorCode.WEAK_PASSWORD);
            a.ok(new Request.ChangePassword(a.nextId(), "password-dot", "a brand new one"));
            assertThat(b.awaitClose()).isEqualTo(4001);
            a.ok(new Request.ChannelsList(a.nextId()));
            try (TestClient c = TestClient.hello(server)) {
                c.error(new Request.Login(c.nextId(), "dot", "password-dot"), ErrorCode.WRONG_CREDENTIALS);
                c.ok(new Request.Login(c.nextId(), "dot", "a brand new one"));
                c.ok(new Request.Logout(c.nextId()));
                c.ok(new Request.Resume(c.nextId(), auth.session().token()));
            }
        }
    }

    @Test
    void aThousandWrongPasswordsAreThrottledAndTheServerStaysHealthy() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            signup(c, "eve");
        }
        int wrong = 0;
        int throttled = 0;
        try (TestClient attacker = TestClient.hello(server)) {
            for (int i = 0; i < 1000; i++) {
                ServerMessage reply = attacker.request(new Request.Login(attacker.nextId(), "eve", "guess-" + i));
                ErrorCode code = ((ErrorReply) reply).code();
                if (code == ErrorCode.WRONG_CREDENTIALS) {
                    wrong++;
                } else {
                    assertThat(code).isEqualTo(ErrorCode.LOGIN_THROTTLED);
                    throttled++;
                }
            }
            // Even the right password is refused while the account is throttled.
            attacker.error(new Request.Login(attacker.nextId(), "eve", "password-eve"), ErrorCode.LOGIN_THROTTLED);
            attacker.ok(new Request.Ping(attacker.nextId()));
        }
        assertThat(wrong).isEqualTo(10);
        assertThat(throttled).isEqualTo(990);
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.opsPort() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // A session made before the attack still works.
        try (TestClient other = TestClient.hello(server)) {
            signup(other, "fay");
            other.ok(new Request.ChannelsList(other.nextId()));
        }
    }

    @Test
    void aSecondLoginWhileOneRunsIsWrongState() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            signup(c, "gus");
        }
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"login\",\"id\":\"l1\",\"username\":\"gus\",\"password\":\"password-gus\"}");
            ServerMessage second = c.request(new Request.Login(c.nextId(), "gus", "password-gus"));
            // Either the first login had finished (ALREADY_AUTHENTICATED) or it was still running (WRONG_STATE).
            assertThat(((ErrorReply) second).code()).isIn(ErrorCode.WRONG_STATE, ErrorCode.ALREADY_AUTHENTICATED);
        }
    }

    @Test
    void sessionsExpire() throws Exception {
        try (DuetServer shortLived = DuetServer.start(TestServers.config(dataDir.resolve("short"))
                .sessionTtl(Duration.ofMillis(300)).build());
                TestClient c = TestClient.hello(shortLived)) {
            Result.Auth auth = c.ok(new Request.Signup(c.nextId(), "hal", "Hal", "hal@example.org", "password-hal"));
            await().atMost(TestClient.TIMEOUT).until(() -> {
                ServerMessage reply = c.request(new Request.ChannelsList(c.nextId()));
                return reply instanceof ErrorReply e && e.code() == ErrorCode.SESSION_EXPIRED;
            });
            c.error(new Request.ChannelsList(c.nextId()), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.Resume(c.nextId(), auth.session().token()), ErrorCode.SESSION_EXPIRED);
            assertThat(c.request(new Request.Ping(c.nextId()))).isInstanceOf(Ok.class);
        }
    }
}
