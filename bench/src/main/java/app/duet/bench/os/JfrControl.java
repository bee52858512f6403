package app.duet.bench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts and stops a Flight Recorder recording in another JVM with jcmd, to profile only a measured window. */
public final class JfrControl {
    private static final String NAME = "duet-bench";

    private JfrControl() {
    }

    public static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    public static void stop(long pid, Path file) throws IOException, InterruptedException {
        // The target JVM writes the file and only logs a missing folder; jcmd still exits 0.
        Files.createDirectories(file.toAbsolutePath().getParent());
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid)));
        command.addAll(List.of(args));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", args) + " failed for process " + pid);
        }
    }
}
