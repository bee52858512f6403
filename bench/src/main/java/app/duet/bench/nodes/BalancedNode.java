package app.duet.bench.nodes;

import app.duet.bench.duet.DuetServerOptions;
import app.duet.bench.os.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One node behind the balancer: the server jar on the WebSocket and ops ports the balancer's configuration
 * names, started again on the same ports after it was killed.
 */
final class BalancedNode {
    private final String name;
    private final int port;
    private final int opsPort;
    private final Path workDir;
    private final List<String> args;
    private ServerProcess process;

    BalancedNode(String name, int port, int opsPort, Path workDir, List<String> args) {
        this.name = name;
        this.port = port;
        this.opsPort = opsPort;
        this.workDir = workDir;
        this.args = List.copyOf(args);
    }

    String name() {
        return name;
    }

    void start(DuetServerOptions server) throws IOException, InterruptedException {
        process = server.startOn(port, opsPort, workDir, args);
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }

    /** Open WebSocket connections, from its /metrics ({@code duet_connections}). */
    long connections() throws IOException {
        return get("/metrics").lines().filter(l -> l.startsWith("duet_connections "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring("duet_connections ".length()))).sum();
    }

    private String get(String path) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + opsPort + path).toURL()
                .openConnection();
        try (InputStream body = http.getInputStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            http.disconnect();
        }
    }
}
