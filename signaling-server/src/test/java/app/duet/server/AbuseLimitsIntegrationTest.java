package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Ok;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-address and per-account limits. Clients appear to come from different addresses through
 * X-Forwarded-For with 127.0.0.1 as the trusted proxy, and nothing is exempt unless a test says so.
 */
@ExtendWith(NoLeakedThreads.class)
class AbuseLimitsIntegrationTest {
    static final String ANN = "203.0.113.9";
    static final String BEN = "198.51.100.4";
    static final String PASSWORD = "long enough password";

    @TempDir
    Path dataDir;

    @Test
    void connectionsOverTheCapAreRefusedWithAnErrorAndACloseCode() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir).connectionsPerAddress(3))) {
            List<TestClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(TestClient.helloForwardedFor(server, ANN));
                }
                try (TestClient refused = TestClient.attempt(server.uri(), Map.of("X-Forwarded-For", ANN))) {
                    ServerMessage error = refused.awaitUnmatched();
                    assertThat(error).isInstanceOfSatisfying(ErrorReply.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
                    assertThat(refused.awaitClose()).isEqualTo(Protocol.CLOSE_TOO_MANY_CONNECTIONS);
                }
                // Another address is not affected, and the ones already open keep working.
                try (TestClient other = TestClient.helloForwardedFor(server, BEN)) {
                    other.ok(new Request.Ping(other.nextId()));
                }
                open.get(0).ok(new Request.Ping(open.get(0).nextId()));
                // Closing one makes room again.
                open.remove(0).close();
                await().atMost(TestClient.TIMEOUT).until(() -> admitted(server, ANN));
            } finally {
                for (TestClient c : open) {
                    c.close();
                }
            }
        }
    }

    @Test
    void exemptAddressesHaveNoConnectionCap() throws Exception {
        // The default exemption: this machine.
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).connectionsPerAddress(1).build());
                TestClient first = TestClient.hello(server);
                TestClient second = TestClient.hello(server)) {
            second.ok(new Request.Ping(second.nextId()));
            first.ok(new Request.Ping(first.nextId()));
        }
    }

    @Test
    void signUpsPerAddressAreLimitedPerHour() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir).signupsPerAddressPerHour(2));
                TestClient ann = TestClient.helloForwardedFor(server, ANN);
                TestClient ben = TestClient.helloForwardedFor(server, BEN)) {
            signup(ann, "ann1");
            ann.ok(new Request.Logout(ann.nextId()));
            signup(ann, "ann2");
            ann.ok(new Request.Logout(ann.nextId()));
            ErrorReply refused = ann.error(new Request.Signup(ann.nextId(), "ann3", "Ann", "ann3@example.org", PASSWORD),
                    ErrorCode.RATE_LIMITED);
            assertThat(refused.message()).contains("hour");
            signup(ben, "ben1");
            // The refused account was not created: Ben could take the name.
            ben.ok(new Request.Logout(ben.nextId()));
            signup(ben, "ann3");
        }
    }

    @Test
    void resetRequestsAreLimitedPerAddressAndPerAccountAlikeForUnknownAccounts() throws Exception {
        try (DuetServer server = start(TestServers.config(dataDir).signupsPerAddressPerHour(100)
                .resetRequestsPerAddressPerHour(2).resetRequestsPerAccountPerHour(2))) {
            try (TestClient alice = TestClient.helloForwardedFor(server, "192.0.2.50")) {
                signup(alice, "alice");
            }
            try (TestClient ann = TestClient.helloForwardedFor(server, ANN)) {
                ann.ok(reset(ann, "alice"));
                ann.ok(reset(ann, "ghost"));
                ann.error(reset(ann, "someone-else"), ErrorCode.RATE_LIMITED);
            }
            try (TestClient ben = TestClient.helloForwardedFor(server, BEN);
                    TestClient cat = TestClient.helloForwardedFor(server, "192.0.2.7");
                    TestClient dan = TestClient.helloForwardedFor(server, "192.0.2.8")) {
                ben.ok(reset(ben, "alice"));
                // Alice's third request, by e-mail this time, from a fresh address.
                cat.error(reset(cat, "alice@example.org"), ErrorCode.RATE_LIMITED);
                // An unknown login gets the same answers, so the limit does not tell which accounts exist.
                ben.ok(reset(ben, "ghost"));
                dan.error(reset(dan, "ghost"), ErrorCode.RATE_LIMITED);
            }
        }
    }

    private static DuetServer start(app.duet.server.config.ServerConfig.Builder config) throws Exception {
        return DuetServer.start(config.opsPort(-1).trustedProxies(List.of("127.0.0.1")).limitExemptAddresses(List.of())
                .build());
    }

    private static void signup(TestClient c, String username) {
        c.ok(new Request.Signup(c.nextId(), username, username, username + "@example.org", PASSWORD));
    }

    private static Request reset(TestClient c, String login) {
        return new Request.PasswordResetRequest(c.nextId(), login);
    }

    /** Whether a new connection from this address gets past the cap (and answers hello). */
    private static boolean admitted(DuetServer server, String forwardedFor) throws InterruptedException {
        try (TestClient c = TestClient.attempt(server.uri(), Map.of("X-Forwarded-For", forwardedFor))) {
            return c.isOpen() && c.request(new Request.Hello(c.nextId(), 1, "test")) instanceof Ok;
        } catch (RuntimeException e) {
            // Closed by the server between the checks: refused.
            return false;
        }
    }
}
