package app.duet.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Plugs and unplugs the fakecam shim's cameras: while {@code video<N>-gone} exists in its control
 * directory, /dev/video<N> cannot be opened and a running capture fails (as after a USB unplug). Also
 * finds and kills the camera helper processes the app starts.
 */
public final class FakeCameraControl {

    /** What the shim's cameras are called and where they live (fakecam.c: NAMES, /dev/videoN). */
    public static final String CAMERA_0 = "/dev/video0";
    public static final String CAMERA_1 = "/dev/video1";
    public static final String NAME_0 = "Duet Fake Camera 0";
    public static final String NAME_1 = "Duet Fake Camera 1";

    private static final String START_RACE = "start-race";

    private final Path directory;

    FakeCameraControl(Path directory) {
        this.directory = directory;
    }

    public void unplug(int device) {
        try {
            Files.createFile(marker(device));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next camera start loses libwebrtc's start race, which aborts the process that started it. */
    public void loseNextStartRace() {
        try {
            Files.createFile(directory.resolve(START_RACE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plugs every camera back in and forgets a start race not yet lost. */
    void reset() {
        try {
            for (int device = 0; device < 2; device++) {
                Files.deleteIfExists(marker(device));
            }
            Files.deleteIfExists(directory.resolve(START_RACE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pids of the camera helpers this JVM has running, from /proc: {@code ProcessHandle}'s process
     * information is empty on some kernels (this sandbox's among them).
     */
    public static List<Long> helpers() {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> parentOf(p) == self && commandLineOf(p).contains("CameraHelper"))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a process with SIGKILL, as a crash would end it. */
    public static void kill(long pid) {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long parentOf(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // "pid (command) state ppid ...": the command may hold spaces and parentheses
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1; // gone meanwhile
        }
    }

    private static String commandLineOf(Path process) {
        try {
            return Files.readString(process.resolve("cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private Path marker(int device) {
        return directory.resolve("video" + device + "-gone");
    }
}
