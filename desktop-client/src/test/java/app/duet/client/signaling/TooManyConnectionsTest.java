package app.duet.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * Close code 4029 (too many connections from the address) against a real server allowing one connection
 * per address with no exemptions: the client says so, fails what waits with a typed error, and schedules
 * its next attempt minutes away instead of hammering the server; "retry now" still connects at once.
 */
class TooManyConnectionsTest {

    @TempDir
    Path temp;

    private TestServer server;
    private SignalingClient blocker;
    private ScheduledThreadPoolExecutor timer;
    private Connector connector;
    private final java.util.List<ConnectionState> states = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.start(temp.resolve("server"),
                s -> s.connectionsPerAddress(1).limitExemptAddresses(List.of()));
        blocker = new SignalingClient(SignalingConfig.defaults(server.uri(), "blocker/1"),
                new app.duet.client.config.FileSessionStore(new app.duet.client.config.ConfigDir(temp.resolve("blocker"))), Runnable::run);
        blocker.start();
        await().atMost(Waits.SIGNALING).until(() -> blocker.state() == ConnectionState.CONNECTED);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        blocker.close();
        server.close();
    }

    @Test
    void aRefusedClientWaitsMinutesBeforeTryingAgainAndRetryNowStillWorks() throws Exception {
        timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true); // the queue then holds only live tasks
        connector = GreetOnly.connect(server.uri(), timer, states);

        // A request while refused tries again at once (someone asked) and fails with a typed refusal. Rarely
        // the server's reset swallows both its error and its 4029 (seen as 1006): then the next attempt tells.
        await().atMost(Waits.SIGNALING).until(() -> {
            CompletableFuture<Result.Empty> ping = connector.request(Request.Ping::new, Result.Empty.class);
            return SignalingClient.unwrap(catchThrowable(() -> ping.get(20, TimeUnit.SECONDS)))
                    instanceof SignalingException.Refused;
        });
        await().atMost(Waits.SIGNALING).until(() -> connector.state() == ConnectionState.REFUSED);
        long nextAttemptMs = timer.getQueue().stream().mapToLong(t -> ((Delayed) t).getDelay(TimeUnit.MILLISECONDS))
                .max().orElse(0);
        assertThat(nextAttemptMs).as("the retry after a refusal is at least half a minute off")
                .isGreaterThan(25_000);

        blocker.close();
        await().atMost(Waits.SIGNALING).pollInterval(Duration.ofMillis(500)).until(() -> {
            connector.retryNow();
            return connector.state() == ConnectionState.CONNECTED;
        });
        assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.REFUSED,
                ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }
}
