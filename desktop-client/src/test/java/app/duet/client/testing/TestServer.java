package app.duet.client.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import app.duet.server.DuetServer;
import app.duet.server.Main;
import app.duet.server.config.ServerConfig;

/**
 * The real signaling server in this JVM, on a free port with its SQLite file in a test's temp dir: the one server
 * fixture of the client tests. It runs with the server's own defaults (45 s rings, 30 s call grace, on
 * 127.0.0.1) except what makes tests fast: cheap bcrypt, no ops endpoint, and clients told to come back 200 ms
 * after a shutdown. A test that needs more says so with {@link #start(Path, UnaryOperator)}. It can be stopped
 * and started again on the same port, with the same database or an empty one.
 */
public final class TestServer implements AutoCloseable {
    private final UnaryOperator<ServerConfig.Builder> settings;
    private Path dataDir;
    private DuetServer server;
    private String host;
    private int port;

    private TestServer(Path dataDir, UnaryOperator<ServerConfig.Builder> settings) {
        this.dataDir = dataDir;
        this.settings = settings;
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, UnaryOperator.identity());
    }

    /**
     * With further settings on top of the test defaults, e.g. {@code s -> s.ringTimeout(Duration.ofSeconds(3))}
     * for rings that end soon, {@code s -> s.host(lab.services())} for another address, TURN, or limits.
     */
    public static TestServer start(Path dataDir, UnaryOperator<ServerConfig.Builder> settings) {
        TestServer s = new TestServer(dataDir, settings);
        s.server = s.launch(0);
        s.port = s.server.port();
        return s;
    }

    /** A port nothing listens on (for unreachable-server tests). */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("ws://" + host + ":" + port);
    }

    public String issueResetCode(String username) {
        return server.issueResetCode(username);
    }

    /** Runs an admin command (e.g. {@code "user", "disable", "ann"}) on this server's database, as an admin would. */
    public void admin(String... command) {
        StringWriter output = new StringWriter();
        String[] args = Stream.concat(Stream.of(command), Stream.of("--data-dir", dataDir.toString()))
                .toArray(String[]::new);
        int exit = Main.run(args, new PrintWriter(output), new PrintWriter(output));
        if (exit != 0) {
            throw new IllegalStateException("duet-server " + String.join(" ", command) + " exited " + exit + ": " + output);
        }
    }

    /** Stops the server; {@link #startAgain()} brings it back (an outage in between). Does nothing if stopped. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts a new server on the same port and database file. */
    public void startAgain() {
        server = launch(port);
    }

    /** Stops the server and starts a new instance on the same port and database. */
    public void restart() {
        stop();
        startAgain();
    }

    /** Stops the server and starts a new instance on the same port with an empty data dir: it knows nobody. */
    public void restartWithNewData(Path newDataDir) {
        stop();
        dataDir = newDataDir;
        startAgain();
    }

    @Override
    public void close() {
        stop();
    }

    private DuetServer launch(int onPort) {
        ServerConfig config = settings.apply(ServerConfig.builder()
                        .opsPort(-1)
                        .bcryptCost(4)
                        .shutdownReconnectAfter(Duration.ofMillis(200)))
                .port(onPort)
                .dataDir(dataDir)
                .build();
        host = config.host();
        try {
            return DuetServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
