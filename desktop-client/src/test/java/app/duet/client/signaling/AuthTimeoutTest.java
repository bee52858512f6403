package app.duet.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * Close code 4002 (nobody signed in within the server's time limit) against a real server with a one-second
 * limit: the client schedules no new attempt — a login screen left open does not redial every few minutes
 * for ever — and the next request connects at once.
 */
class AuthTimeoutTest {

    @TempDir
    Path temp;

    private TestServer server;
    private ScheduledThreadPoolExecutor timer;
    private Connector connector;
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        connector.close();
        timer.shutdownNow();
        server.close();
    }

    @Test
    void aConnectionClosedForNotSigningInWaitsForTheNextRequest() throws Exception {
        server = TestServer.start(temp.resolve("server"), s -> s.authTimeout(Duration.ofSeconds(1)));
        timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true); // the queue then holds only live tasks
        connector = GreetOnly.connect(server.uri(), timer, states);

        await().atMost(Waits.SIGNALING).until(() -> connector.state() == ConnectionState.IDLE);
        assertThat(timer.getQueue()).as("no attempt scheduled").isEmpty();

        CompletableFuture<Result.Empty> ping = connector.request(Request.Ping::new, Result.Empty.class);
        assertThat(ping.get(Waits.SIGNALING.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.IDLE, ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }
}
