package app.duet.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes a build output directory and creates it empty. jpackage refuses to write an app-image over
 * an existing one, so the build runs this first: {@code ResetDirectory DIR}. Works the same on every
 * OS the installers are built on, unlike a shell {@code rm -rf}.
 */
public final class ResetDirectory {
    private ResetDirectory() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ResetDirectory DIR");
        }
        reset(Path.of(args[0]));
    }

    static void reset(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
