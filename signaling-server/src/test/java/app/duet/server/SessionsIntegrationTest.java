package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Session renewal on a clock the test moves, and logout from every device. */
@ExtendWith(NoLeakedThreads.class)
class SessionsIntegrationTest {
    static final String PASSWORD = "long enough password";
    static final Duration TTL = Duration.ofDays(30);
    static final Duration MAX_AGE = Duration.ofDays(60);

    @TempDir
    Path dataDir;

    @Test
    void aSessionUsedInItsLastThirdIsRenewedUpToTheMaximumAge() throws Exception {
        ManualClock clock = new ManualClock();
        try (DuetServer server = DuetServer.start(
                TestServers.config(dataDir).opsPort(-1).sessionTtl(TTL).sessionMaxAge(MAX_AGE).build(), clock)) {
            Instant loggedIn = clock.instant();
            String token;
            try (TestClient c = TestClient.hello(server)) {
                Result.Auth auth = c.ok(new Request.Signup(c.nextId(), "alice", "Alice", "alice@example.org", PASSWORD));
                token = auth.session().token();
                assertThat(auth.session().expiresAt()).isEqualTo(loggedIn.plus(TTL).toEpochMilli());
            }
            // Used with 25 days left: more than a third, so no renewal.
            clock.advance(Duration.ofDays(5));
            assertThat(resume(server, token)).isEqualTo(loggedIn.plus(TTL));
            // Used with 9 days left: renewed to 30 days from now.
            clock.advance(Duration.ofDays(16));
            assertThat(resume(server, token)).isEqualTo(clock.instant().plus(TTL));
            // The renewal is stored: the session now outlives its first expiry.
            clock.advance(Duration.ofDays(10));
            assertThat(resume(server, token)).isEqualTo(loggedIn.plus(Duration.ofDays(51)));
            // Near the maximum age, renewal stops at login + 60 days.
            clock.advance(Duration.ofDays(14));
            assertThat(resume(server, token)).isEqualTo(loggedIn.plus(MAX_AGE));
            clock.advance(Duration.ofDays(15));
            try (TestClient c = TestClient.hello(server)) {
                c.error(new Request.Resume(c.nextId(), token), ErrorCode.SESSION_EXPIRED);
                c.ok(new Request.Login(c.nextId(), "alice", PASSWORD));
            }
        }
    }

    @Test
    void logoutEverywhereRevokesEverySessionOfTheAccountAndKeepsThisConnection() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).build());
                TestClient laptop = TestClient.hello(server);
                TestClient phone = TestClient.hello(server);
                TestClient phoneAgain = TestClient.hello(server);
                TestClient desktop = TestClient.hello(server);
                TestClient bob = TestClient.hello(server)) {
            String laptopToken = laptop.<Result.Auth>ok(
                    new Request.Signup(laptop.nextId(), "alice", "Alice", "alice@example.org", PASSWORD)).session().token();
            String phoneToken = phone.<Result.Auth>ok(new Request.Login(phone.nextId(), "alice", PASSWORD)).session().token();
            phoneAgain.ok(new Request.Resume(phoneAgain.nextId(), phoneToken));
            desktop.ok(new Request.Login(desktop.nextId(), "alice", PASSWORD));
            bob.ok(new Request.Signup(bob.nextId(), "bob", "Bob", "bob@example.org", PASSWORD));

            // A plain logout ends only that session.
            desktop.ok(new Request.Logout(desktop.nextId()));
            phone.ok(new Request.ChannelsList(phone.nextId()));

            laptop.ok(new Request.Logout(laptop.nextId(), true));
            assertThat(phone.awaitClose()).isEqualTo(Protocol.CLOSE_SESSION_REVOKED);
            assertThat(phoneAgain.awaitClose()).isEqualTo(Protocol.CLOSE_SESSION_REVOKED);
            laptop.error(new Request.ChannelsList(laptop.nextId()), ErrorCode.NOT_AUTHENTICATED);
            laptop.error(new Request.Resume(laptop.nextId(), laptopToken), ErrorCode.SESSION_EXPIRED);
            laptop.error(new Request.Resume(laptop.nextId(), phoneToken), ErrorCode.SESSION_EXPIRED);
            // Other accounts are untouched, and the password still works.
            bob.ok(new Request.ChannelsList(bob.nextId()));
            laptop.ok(new Request.Login(laptop.nextId(), "alice", PASSWORD));
        }
    }

    /** Resumes on a fresh connection and returns the session's expiry from the answer. */
    private static Instant resume(DuetServer server, String token) throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            Result.Auth auth = c.ok(new Request.Resume(c.nextId(), token));
            assertThat(auth.session().token()).isEqualTo(token);
            return Instant.ofEpochMilli(auth.session().expiresAt());
        }
    }
}
