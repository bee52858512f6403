package app.duet.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian package redis-server, installed by scripts/install-deps.sh) on a free loopback
 * port with its own directory, no persistence, stopped by {@link #close()}. It fails when the server cannot
 * start: a test that needs Redis is never skipped. {@link #restart()} stops it and starts it again on the
 * same port, empty, as an admin restarting Redis would see it; or, started with {@link #startAppendOnly}, with
 * what it held, as a Redis that writes every command to its append-only file before answering.
 */
public final class PrivateRedis implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final Duration START = Duration.ofSeconds(20);

    private final Path dir;
    private final int port;
    private final boolean appendOnly;
    private Process process;

    private PrivateRedis(Path dir, int port, boolean appendOnly) {
        this.dir = dir;
        this.port = port;
        this.appendOnly = appendOnly;
    }

    /** Starts one in {@code dir} (its log and config go there). */
    public static PrivateRedis start(Path dir) throws IOException {
        return start(dir, false);
    }

    /** Starts one that keeps its data across {@link #restart()}: append-only file, synced on every write. */
    public static PrivateRedis startAppendOnly(Path dir) throws IOException {
        return start(dir, true);
    }

    private static PrivateRedis start(Path dir, boolean appendOnly) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/install-deps.sh (package redis-server)");
        }
        Files.createDirectories(dir);
        PrivateRedis redis = new PrivateRedis(dir.toAbsolutePath(), freePort(), appendOnly);
        redis.launch();
        return redis;
    }

    /** redis://127.0.0.1:port, for --redis-url. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Stops Redis (SIGKILL, as in a crash: only what the append-only file holds survives) and starts it again
     * on the same port.
     */
    public void restart() throws IOException, InterruptedException {
        stop(true);
        launch();
    }

    public Path log() {
        return dir.resolve("redis.log");
    }

    private void launch() throws IOException {
        List<String> command = List.of(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", appendOnly ? "yes" : "no",
                "--appendfsync", "always", "--daemonize", "no",
                "--logfile", log().toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile())).start();
        await("redis-server answering PING on " + port + ", see " + log()).atMost(START).until(this::answers);
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + log());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private void stop(boolean crash) throws InterruptedException {
        if (crash) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop(false);
        }
    }
}
