package app.duet.client.headless;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import com.google.gson.JsonObject;
import org.awaitility.core.ConditionTimeoutException;
import com.google.gson.JsonParser;

import static org.awaitility.Awaitility.await;

/**
 * The headless client in a child JVM (the test class path), with its JSON lines parsed as they arrive and
 * its log kept in a file for failure messages. Lines that are not JSON objects (libwebrtc prints one at exit)
 * are ignored, as docs/headless.md tells every consumer to do.
 */
final class HeadlessProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final List<JsonObject> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private HeadlessProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "headless-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts HeadlessMain with these flags; {@code display} keeps AWT on the X display (screen sharing). */
    static HeadlessProcess start(String name, Path dir, boolean display, List<String> args) throws IOException {
        return start(name, dir, display, UnaryOperator.identity(), args);
    }

    /** As above, with the command wrapped, e.g. to run in another network namespace. */
    static HeadlessProcess start(String name, Path dir, boolean display, UnaryOperator<List<String>> wrap,
                                 List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:+UseSerialGC",
                // Two logback.xml on the test class path (client and server) would print logback's status.
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-Djava.awt.headless=" + !display,
                HeadlessMain.class.getName()));
        command.addAll(args);
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(wrap.apply(command)).redirectError(log.toFile());
        builder.environment().put("DUET_PASSWORD", passwordOf(args.get(args.indexOf("--user") + 1)));
        return new HeadlessProcess(name, builder.start(), log);
    }

    /** The password the tests give each account (through DUET_PASSWORD, unless --password overrides it). */
    static String passwordOf(String user) {
        return "headless password " + user;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    lines.add(JsonParser.parseString(line).getAsJsonObject());
                }
            }
        } catch (IOException e) {
            JsonObject failure = new JsonObject();
            failure.addProperty("type", "test_read_failed");
            failure.addProperty("message", e.toString());
            lines.add(failure);
        }
    }

    List<JsonObject> lines() {
        return List.copyOf(lines);
    }

    List<JsonObject> lines(String type) {
        return lines.stream().filter(l -> type.equals(l.get("type").getAsString())).toList();
    }

    Optional<JsonObject> first(String type) {
        return lines(type).stream().findFirst();
    }

    /** Waits until a line of this type matches, failing with the output and log when it does not. */
    JsonObject awaitLine(String type, Predicate<JsonObject> match, Duration atMost) {
        try {
            await().atMost(atMost).until(() -> lines(type).stream().anyMatch(match));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " printed no matching " + type + " line within " + atMost + "\n" + this, e);
        }
        return lines(type).stream().filter(match).findFirst().orElseThrow();
    }

    JsonObject awaitLine(String type, Duration atMost) {
        return awaitLine(type, l -> true, atMost);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + atMost + "\n" + this);
        }
        try {
            reader.join(2_000); // the last lines may still be in the pipe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** Asks for a clean stop, as Ctrl-C or systemd would (SIGTERM). */
    void terminate() {
        process.toHandle().destroy(); // Process.destroy() would also close our end of its stdout
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("--- ").append(name).append(" JSON lines ---\n");
        lines.stream().filter(l -> !"stats".equals(l.get("type").getAsString()))
                .forEach(l -> text.append(l).append('\n'));
        lines("stats").stream().reduce((a, b) -> b).ifPresent(l -> text.append("last stats: ").append(l).append('\n'));
        try {
            List<String> logLines = Files.readAllLines(log);
            text.append("--- ").append(name).append(" log (tail) ---\n");
            logLines.subList(Math.max(0, logLines.size() - 40), logLines.size())
                    .forEach(l -> text.append(l).append('\n'));
        } catch (IOException e) {
            text.append("(log unreadable: ").append(e).append(")\n");
        }
        return text.toString();
    }
}
