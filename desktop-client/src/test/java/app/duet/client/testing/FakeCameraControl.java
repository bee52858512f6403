package app.duet.client.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plugs and unplugs the fakecam shim's cameras: while {@code video<N>-gone} exists in its control
 * directory, /dev/video<N> cannot be opened and a running capture fails (as after a USB unplug).
 */
public final class FakeCameraControl {

    /** What the shim's cameras are called and where they live (fakecam.c: NAMES, /dev/videoN). */
    public static final String CAMERA_0 = "/dev/video0";
    public static final String CAMERA_1 = "/dev/video1";
    public static final String NAME_0 = "Duet Fake Camera 0";
    public static final String NAME_1 = "Duet Fake Camera 1";

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

    /** Plugs every camera back in. */
    void plugAll() {
        for (int device = 0; device < 2; device++) {
            try {
                Files.deleteIfExists(marker(device));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path marker(int device) {
        return directory.resolve("video" + device + "-gone");
    }
}
