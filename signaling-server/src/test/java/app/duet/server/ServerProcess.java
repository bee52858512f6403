package app.duet.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server as a child process: {@code java -cp <this test's class path> app.duet.server.Main} on a
 * free port, its data dir where the test says and its log in a file beside it. The shutdown hook of a
 * graceful stop does not run when it is {@linkplain #kill() killed}. Shared with other modules' tests
 * through signaling-server's test-jar (desktop-client's multi-node tests).
 */
public final class ServerProcess implements AutoCloseable {
    /** Generous: at a load of 30 on 2 cores a JVM with Flyway and a Redis client took 45-70 s to listen. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+/)");
    /** What a process killed by SIGKILL (signal 9) exits with, as Java reports it on Linux: 128 + 9. */
    public static final int KILLED_BY_SIGKILL = 137;

    private final Process process;
    private final Path log;
    private final URI uri;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.uri = await("server listening, see " + log).atMost(START_TIMEOUT)
                .until(this::listeningUri, Optional::isPresent).orElseThrow();
    }

    /** Starts a server on {@code dataDir}, logging to {@code log} (appended, so restarts share one file). */
    static ServerProcess start(Path dataDir, Path log, String... extraArgs) throws IOException {
        return startOn(0, -1, dataDir, log, extraArgs);
    }

    /**
     * The same on the given WebSocket and ops ports (a balancer in front must know them, and a restarted node
     * comes back on them); {@code opsPort} -1 for none.
     */
    public static ServerProcess startOn(int port, int opsPort, Path dataDir, Path log, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data-dir", dataDir.toString(), "--port", Integer.toString(port),
                "--ops-port", Integer.toString(opsPort), "--bcrypt-cost", "4"));
        command.addAll(List.of(extraArgs));
        Files.writeString(log, "--- " + String.join(" ", command.subList(3, command.size())) + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            return new ServerProcess(process, log);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public URI uri() {
        return uri;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL on Linux: no shutdown hook, no flush) and returns its exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the server process outlived destroyForcibly");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private Optional<URI> listeningUri() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError("the server exited with " + process.exitValue() + "; see " + log);
        }
        // Only this start's part of the log: the text after the last start line.
        String text = Files.readString(log);
        Matcher m = LISTENING.matcher(text.substring(text.lastIndexOf("--- ")));
        return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
    }
}
