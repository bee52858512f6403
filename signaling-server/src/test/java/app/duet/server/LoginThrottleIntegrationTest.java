package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import app.duet.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login throttle against real clients: concurrent guesses, guesses through change_password, and an
 * attacker who must not be able to lock the owner (or an office behind one NAT) out. Clients appear to
 * come from different addresses through X-Forwarded-For with 127.0.0.1 as the trusted proxy.
 */
@ExtendWith(NoLeakedThreads.class)
class LoginThrottleIntegrationTest {
    static final String OWNER = "203.0.113.9";
    static final String ATTACKER = "198.51.100.4";
    static final String ATTACKER_2 = "198.51.100.5";
    static final String OFFICE = "192.0.2.10";
    static final String PASSWORD = "long enough password";
    static final int PER_ACCOUNT = 10;

    @TempDir
    Path dataDir;

    @Test
    void simultaneousWrongLoginsGetNoMoreThanTheLimit() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        // bcrypt cost 8 (a few ms a check) on 8 workers: many checks are in flight at once.
        try (DuetServer server = start(TestServers.config(dataDir).workerThreads(8).bcryptCost(8))) {
            try (TestClient owner = TestClient.helloForwardedFor(server, OWNER)) {
                signup(owner, "ann");
            }
            for (int i = 0; i < 2 * PER_ACCOUNT; i++) {
                clients.add(TestClient.helloForwardedFor(server, ATTACKER));
            }
            List<ServerMessage> replies = Simultaneously.send(clients,
                    (c, i) -> c.request(new Request.Login(c.nextId(), "ann", "guess number " + i)));
            Map<ErrorCode, Long> codes = replies.stream().map(r -> ((ErrorReply) r).code())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(codes).isEqualTo(Map.of(ErrorCode.WRONG_CREDENTIALS, (long) PER_ACCOUNT,
                    ErrorCode.LOGIN_THROTTLED, (long) PER_ACCOUNT));
        } finally {
            for (TestClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void wrongOldPasswordsInChangePasswordAreThrottledPerAccountAndAddress() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir));
                TestClient thief = TestClient.helloForwardedFor(server, ATTACKER)) {
            Result.Auth auth = signup(thief, "ann");
            for (int i = 0; i < PER_ACCOUNT; i++) {
                thief.error(new Request.ChangePassword(thief.nextId(), "guess " + i, "a brand new password"),
                        ErrorCode.WRONG_CREDENTIALS);
            }
            thief.error(new Request.ChangePassword(thief.nextId(), PASSWORD, "a brand new password"),
                    ErrorCode.LOGIN_THROTTLED);
            // The failures count for the account: logins from anywhere new are throttled as well.
            try (TestClient elsewhere = TestClient.helloForwardedFor(server, ATTACKER_2)) {
                elsewhere.error(new Request.Login(elsewhere.nextId(), "ann", PASSWORD), ErrorCode.LOGIN_THROTTLED);
            }
            assertThat(auth.session().token()).isNotEmpty();
        }
    }

    @Test
    void anAttackerCannotLockTheOwnerOut() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir))) {
            try (TestClient owner = TestClient.helloForwardedFor(server, OWNER)) {
                signup(owner, "ann");
            }
            try (TestClient attacker = TestClient.helloForwardedFor(server, ATTACKER);
                    TestClient second = TestClient.helloForwardedFor(server, ATTACKER_2)) {
                guessWrong(attacker, "ann", PER_ACCOUNT);
                attacker.error(new Request.Login(attacker.nextId(), "ann", "guess 11"), ErrorCode.LOGIN_THROTTLED);
                // Brute force stays expensive: another address gets no fresh budget for the account.
                second.error(new Request.Login(second.nextId(), "ann", "guess 12"), ErrorCode.LOGIN_THROTTLED);
            }
            try (TestClient owner = TestClient.helloForwardedFor(server, OWNER)) {
                owner.ok(new Request.Login(owner.nextId(), "ann", PASSWORD));
            }
        }
    }

    @Test
    void anAddressASessionWasResumedFromIsKnownToo() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir))) {
            Result.Auth auth;
            try (TestClient home = TestClient.helloForwardedFor(server, OWNER)) {
                auth = signup(home, "ann");
            }
            try (TestClient office = TestClient.helloForwardedFor(server, OFFICE)) {
                office.ok(new Request.Resume(office.nextId(), auth.session().token()));
            }
            try (TestClient attacker = TestClient.helloForwardedFor(server, ATTACKER)) {
                guessWrong(attacker, "ann", PER_ACCOUNT);
            }
            try (TestClient office = TestClient.helloForwardedFor(server, OFFICE)) {
                office.ok(new Request.Login(office.nextId(), "ann", PASSWORD));
            }
        }
    }

    @Test
    void aGuesserBehindAnOfficeNatDoesNotLockOutItsColleagues() throws Exception {
        int perAddress = 5;
        try (DuetServer server = start(TestServers.config(dataDir).loginFailuresPerAddress(perAddress))) {
            try (TestClient colleague = TestClient.helloForwardedFor(server, OFFICE)) {
                signup(colleague, "cat");
            }
            try (TestClient guesser = TestClient.helloForwardedFor(server, OFFICE)) {
                for (int i = 0; i < perAddress; i++) {
                    guesser.error(new Request.Login(guesser.nextId(), "victim" + i, "guess"), ErrorCode.WRONG_CREDENTIALS);
                }
                // Spraying guesses over accounts from that address stops...
                guesser.error(new Request.Login(guesser.nextId(), "victim9", "guess"), ErrorCode.LOGIN_THROTTLED);
            }
            // ...but a colleague whose account was used from the office still logs in.
            try (TestClient colleague = TestClient.helloForwardedFor(server, OFFICE)) {
                colleague.ok(new Request.Login(colleague.nextId(), "cat", PASSWORD));
            }
        }
    }

    private static DuetServer start(ServerConfig.Builder config) throws Exception {
        return DuetServer.start(config.opsPort(-1).trustedProxies(List.of("127.0.0.1")).limitExemptAddresses(List.of())
                .signupsPerAddressPerHour(100).build());
    }

    private static Result.Auth signup(TestClient c, String username) {
        return c.ok(new Request.Signup(c.nextId(), username, username, username + "@example.org", PASSWORD));
    }

    /** Wrong passwords, each answered WRONG_CREDENTIALS. */
    private static void guessWrong(TestClient c, String username, int times) {
        for (int i = 0; i < times; i++) {
            c.error(new Request.Login(c.nextId(), username, "guess " + i), ErrorCode.WRONG_CREDENTIALS);
        }
    }
}
