package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that do not authenticate in time are closed, whatever their address (this machine is exempt
 * from the per-address connection cap), even when they answer every ping.
 */
@ExtendWith(NoLeakedThreads.class)
class AuthDeadlineIntegrationTest {
    static final Duration AUTH_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dataDir;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        // The default heartbeat (30 s) keeps these live connections well past the deadline, so only the deadline
        // can close them. A 1 s heartbeat made this flaky: on a loaded machine a pong later than half a second
        // got the connection dropped as silent (1006) before the deadline closed it (4002).
        server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).authTimeout(AUTH_TIMEOUT).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConnectionThatNeverSaysHelloIsClosed() throws Exception {
        try (TestClient silent = TestClient.connect(server.uri())) {
            assertThat(silent.awaitClose()).isEqualTo(Protocol.CLOSE_AUTH_TIMEOUT);
        }
    }

    @Test
    void aConnectionThatSaysHelloButNeverLogsInIsClosed() throws Exception {
        try (TestClient greeted = TestClient.hello(server)) {
            greeted.ok(new Request.Ping(greeted.nextId()));
            assertThat(greeted.awaitClose()).isEqualTo(Protocol.CLOSE_AUTH_TIMEOUT);
        }
    }

    @Test
    void anAuthenticatedConnectionStaysAndALoggedOutOneGetsTheDeadlineAgain() throws Exception {
        try (TestClient user = TestClient.hello(server); TestClient anonymous = TestClient.hello(server)) {
            user.ok(new Request.Signup(user.nextId(), "ann", "Ann", "ann@example.org", "long enough password"));
            assertThat(anonymous.awaitClose()).isEqualTo(Protocol.CLOSE_AUTH_TIMEOUT);
            // The other connection, opened at the same time, has passed its deadline too and stays.
            user.ok(new Request.ChannelsList(user.nextId()));
            user.ok(new Request.Logout(user.nextId()));
            assertThat(user.awaitClose()).isEqualTo(Protocol.CLOSE_AUTH_TIMEOUT);
        }
    }
}
