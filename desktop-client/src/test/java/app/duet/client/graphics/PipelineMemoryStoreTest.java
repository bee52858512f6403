package app.duet.client.graphics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ConfigDir;

class PipelineMemoryStoreTest {

    @TempDir
    Path home;

    @Test
    void savesAndLoadsWhatWasFoundPrivately() throws Exception {
        PipelineMemoryStore store = new PipelineMemoryStore(new ConfigDir(home));
        PipelineMemory memory = new PipelineMemory(true, 4, "/opt/duet/lib/app/duet-client.jar 2026-12-07T20:00:00Z");

        store.save(memory);

        assertThat(store.load()).contains(memory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(PipelineMemoryStore.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingOrBrokenFileRemembersNothing() throws Exception {
        PipelineMemoryStore store = new PipelineMemoryStore(new ConfigDir(home));
        assertThat(store.load()).isEmpty();

        Files.writeString(home.resolve(PipelineMemoryStore.FILE), "software=true\nsoftwareStarts=many\nbuild=x\n");
        assertThat(store.load()).isEmpty();

        Files.writeString(home.resolve(PipelineMemoryStore.FILE), "software=true\nsoftwareStarts=2\n");
        assertThat(store.load()).isEmpty();
    }
}
