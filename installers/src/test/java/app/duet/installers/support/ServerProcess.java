package app.duet.installers.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The real signaling server (its runnable jar) on free loopback ports with an SQLite file in a temp dir. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int opsPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, int port, int opsPort) {
        this.process = process;
        this.port = port;
        this.opsPort = opsPort;
    }

    public static ServerProcess start(Path serverJar, Path dir) throws IOException {
        if (!Files.isRegularFile(serverJar)) {
            throw new IOException("no server jar at " + serverJar + "; build signaling-server first");
        }
        int port = FreePort.next();
        int opsPort = FreePort.next();
        // Run a copy: a rebuild of the jar while the server runs would pull classes out from under it.
        Path jar = Files.copy(serverJar, dir.resolve("duet-server.jar"), StandardCopyOption.REPLACE_EXISTING);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--data-dir", dir.resolve("data").toString(),
                "--port", String.valueOf(port), "--ops-port", String.valueOf(opsPort)))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        ServerProcess server = new ServerProcess(p, port, opsPort);
        Awaitility.await("the server's health check").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("the server exited with " + p.exitValue() + "; see " + dir.resolve("server.log"));
                    }
                    return server.healthy();
                });
        return server;
    }

    public String url() {
        return "ws://127.0.0.1:" + port;
    }

    /** The Prometheus text of /metrics. */
    public String metrics() throws IOException, InterruptedException {
        return get("/metrics").body();
    }

    private boolean healthy() throws InterruptedException {
        try {
            return get("/healthz").statusCode() == 200;
        } catch (ConnectException e) {
            return false; // not listening yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
