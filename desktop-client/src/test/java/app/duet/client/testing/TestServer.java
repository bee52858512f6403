package app.duet.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;

/** The real signaling server, in-process, on a free port with its SQLite file in a test's temp dir. */
public final class TestServer implements AutoCloseable {
    private Path dataDir;
    private final Duration ringTimeout;
    private DuetServer server;
    private int port;

    private TestServer(Path dataDir, Duration ringTimeout) {
        this.dataDir = dataDir;
        this.ringTimeout = ringTimeout;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Duration.ofSeconds(45));
    }

    /** A server whose unanswered rings end after {@code ringTimeout} ("no answer"). */
    public static TestServer start(Path dataDir, Duration ringTimeout) {
        TestServer s = new TestServer(dataDir, ringTimeout);
        s.server = s.launch(0);
        s.port = s.server.port();
        return s;
    }

    /** Stops the server and starts a new instance on the same port and database. */
    public void restart() {
        server.close();
        server = launch(port);
    }

    /** Stops the server and starts a new instance on the same port with an empty data dir: it knows nobody. */
    public void restartWithNewData(Path newDataDir) {
        server.close();
        dataDir = newDataDir;
        server = launch(port);
    }

    public void stop() {
        server.close();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    public String issueResetCode(String username) {
        return server.issueResetCode(username);
    }

    @Override
    public void close() {
        server.close();
    }

    private DuetServer launch(int onPort) {
        try {
            return DuetServer.start(ServerConfig.builder()
                    .port(onPort)
                    .opsPort(-1)
                    .dataDir(dataDir)
                    .bcryptCost(4)
                    .ringTimeout(ringTimeout)
                    .shutdownReconnectAfter(Duration.ofMillis(200))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
