package app.duet.server.testing;

import app.duet.server.PrivateHaproxy;
import app.duet.server.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One node of a {@link ServerCluster}: a real server process with its own data dir and log, on ports fixed for
 * its life, so the balancer finds it again after it was killed, stopped and started. Not thread-safe: a test
 * drives its nodes from one thread.
 */
public final class ClusterNode {
    private final String name;
    private final PrivateHaproxy.Node ports;
    private final Path dataDir;
    private final Path log;
    private final List<String> args;
    private ServerProcess process;

    ClusterNode(String name, PrivateHaproxy.Node ports, Path dir, List<String> args) {
        this.name = name;
        this.ports = ports;
        this.dataDir = dir.resolve(name);
        this.log = dir.resolve(name + ".log");
        this.args = List.copyOf(args);
    }

    /** The name the balancer's file and Redis know it by ({@code --node-id}). */
    public String name() {
        return name;
    }

    /** Its WebSocket address, without the balancer (ws://). */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + ports.port() + "/");
    }

    /** The server's log (every start appends to it). */
    public Path log() {
        return log;
    }

    PrivateHaproxy.Node ports() {
        return ports;
    }

    /** Starts the process (again) on its ports and returns once it listens. */
    public void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        process = ServerProcess.startOn(ports.port(), ports.opsPort(), dataDir, log, args.toArray(String[]::new));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash or a pulled plug: no shutdown hook, no goodbye to its clients. Returns the exit code. */
    public int kill() throws InterruptedException {
        return process.kill();
    }

    /** A graceful stop (SIGTERM, as systemd stops it): its clients are told to come back, and the process exits. */
    public void stop() throws InterruptedException {
        process.close();
    }

    /** Open WebSocket connections on this node, from its /metrics. */
    public long connections() {
        String metrics = ops("/metrics");
        return metrics.lines().filter(l -> l.startsWith("duet_connections "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring("duet_connections ".length()))).sum();
    }

    /** Whether its /healthz answers 200 (every part it checks, the database and Redis among them, is ok). */
    public boolean healthy() {
        try {
            HttpURLConnection http = opsConnection("/healthz");
            try {
                return http.getResponseCode() == 200;
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** What its /healthz answers: the status code and the JSON body listing each part's state. */
    public record Health(int status, String body) {
    }

    /** Its /healthz answer, whether 200 or 503. */
    public Health health() {
        try {
            HttpURLConnection http = opsConnection("/healthz");
            try {
                int status = http.getResponseCode();
                try (InputStream body = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                    return new Health(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + "'s ops endpoint did not answer /healthz", e);
        }
    }

    private HttpURLConnection opsConnection(String path) throws IOException {
        return (HttpURLConnection) URI.create("http://127.0.0.1:" + ports.opsPort() + path).toURL().openConnection();
    }

    /** Over HttpURLConnection, closed after: a JDK 17 HttpClient keeps a selector thread until it is collected. */
    private String ops(String path) {
        try {
            HttpURLConnection http = opsConnection(path);
            try (InputStream body = http.getInputStream()) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + "'s ops endpoint did not answer " + path, e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + uri() + ", log " + log + ")";
    }
}
