package app.duet.client.headless;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;

/**
 * The real signaling server in this JVM, on a free port with its SQLite file under the test's temp dir.
 * It can be stopped and started again on the same port and database (a restart, or an outage in between).
 */
final class ServerFixture implements AutoCloseable {

    private final Path dataDir;
    private final Duration ringTimeout;
    private final String host;
    private final UnaryOperator<ServerConfig.Builder> settings;
    private final int port;
    private DuetServer server;

    private ServerFixture(Path dataDir, Duration ringTimeout, String host, UnaryOperator<ServerConfig.Builder> settings)
            throws IOException {
        this.dataDir = dataDir;
        this.ringTimeout = ringTimeout;
        this.host = host;
        this.settings = settings;
        this.server = launch(0);
        this.port = server.port();
    }

    static ServerFixture start(Path dataDir) throws IOException {
        return start(dataDir, Duration.ofSeconds(45));
    }

    static ServerFixture start(Path dataDir, Duration ringTimeout) throws IOException {
        return new ServerFixture(dataDir, ringTimeout, ServerConfig.DEFAULT_HOST, UnaryOperator.identity());
    }

    /** Listening on {@code host}, with further settings (e.g. TURN). */
    static ServerFixture start(Path dataDir, String host, UnaryOperator<ServerConfig.Builder> settings)
            throws IOException {
        return new ServerFixture(dataDir, Duration.ofSeconds(45), host, settings);
    }

    /** A port nothing listens on (for unreachable-server tests). */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("ws://" + host + ":" + port);
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts a new server on the same port and database file. */
    void startAgain() throws IOException {
        server = launch(port);
    }

    private DuetServer launch(int onPort) throws IOException {
        return DuetServer.start(settings.apply(ServerConfig.builder())
                .host(host)
                .port(onPort)
                .opsPort(-1)
                .dataDir(dataDir)
                .bcryptCost(4)
                .ringTimeout(ringTimeout)
                .callGrace(Duration.ofSeconds(20))
                .shutdownReconnectAfter(Duration.ofMillis(300))
                .build());
    }

    @Override
    public void close() {
        stop();
    }
}
