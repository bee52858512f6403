package app.duet.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an admin command on a data directory: in this JVM through {@link Main#run} (as ResetCodeCommand's
 * test does), or as a separate {@code java ... Main} process reading its real standard input.
 */
final class AdminCli {
    /** What a command printed and how it exited. */
    record Run(int exit, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    private final Path dataDir;

    AdminCli(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** {@code args} then {@code --data-dir}, run in this JVM. */
    Run run(String... args) {
        return runWithInput("", args);
    }

    /** As {@link #run}, with {@code stdin} where a password is read. */
    Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(withDataDir(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    /** As {@link #run}, in a process of its own whose standard input is {@code stdin}. */
    Run runProcess(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(withDataDir(args)));
        Process process = new ProcessBuilder(command).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TestClient.TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the admin command did not exit: " + command);
        }
        return new Run(process.exitValue(), out.strip(), err.strip());
    }

    private String[] withDataDir(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        return all.toArray(String[]::new);
    }
}
