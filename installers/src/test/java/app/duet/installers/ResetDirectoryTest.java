package app.duet.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetDirectoryTest {

    @Test
    void leavesAnEmptyDirectoryWhereANestedTreeWas(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("app-image");
        Files.createDirectories(dir.resolve("Duet/lib/app"));
        Files.writeString(dir.resolve("Duet/lib/app/Duet.cfg"), "[Application]");

        ResetDirectory.reset(dir);

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void createsAMissingDirectory(@TempDir Path tmp) throws IOException {
        ResetDirectory.reset(tmp.resolve("a/b"));

        assertThat(tmp.resolve("a/b")).isEmptyDirectory();
    }
}
