package app.duet.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.signaling.SessionStore;


class FileSessionStoreTest {

    @TempDir
    Path home;

    @Test
    void remembersOneSessionPerServerInAnOwnerOnlyFile() throws Exception {
        ConfigDir dir = new ConfigDir(home.resolve("duet"));
        FileSessionStore store = new FileSessionStore(dir);

        store.save(new SessionStore.StoredSession("ws://a:1", "ann", "secret-token"));

        assertThat(store.load("ws://a:1")).contains(new SessionStore.StoredSession("ws://a:1", "ann", "secret-token"));
        assertThat(store.load("ws://b:2")).isEmpty();
        Path file = dir.resolve(FileSessionStore.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
        try (var leftovers = Files.list(dir.path())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void clearForgetsTheSessionAndAnUnreadableFileMeansNone() throws Exception {
        ConfigDir dir = new ConfigDir(home.resolve("duet"));
        FileSessionStore store = new FileSessionStore(dir);
        store.save(new SessionStore.StoredSession("ws://a:1", "ann", "t"));

        store.clear();
        assertThat(store.load("ws://a:1")).isEmpty();

        Files.writeString(dir.resolve(FileSessionStore.FILE), "server=ws://a:1\n");
        assertThat(store.load("ws://a:1")).isEmpty();
    }
}
