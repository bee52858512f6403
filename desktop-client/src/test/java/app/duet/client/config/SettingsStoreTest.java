package app.duet.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void savesAndLoadsEveryChoice() throws Exception {
        SettingsStore store = new SettingsStore(new ConfigDir(home), "ws://127.0.0.1:8686");
        ClientSettings chosen = ClientSettings.defaults("ws://example.org:9000")
                .withTheme(ClientSettings.Theme.DARK).withForceRelay(true).withRingSound(false).withDevices("Cam", "Mic", "")
                .withDesktop(new DesktopSettings(true, DesktopSettings.CloseAction.TRAY, true));

        store.save(chosen);

        assertThat(store.load()).isEqualTo(chosen);
        assertThat(store.load().speakerChoice()).isEmpty();
    }

    @Test
    void anUnknownCloseActionAsksAgain() throws Exception {
        SettingsStore store = new SettingsStore(new ConfigDir(home), "ws://127.0.0.1:8686");
        Files.writeString(home.resolve(SettingsStore.FILE), "onClose=MINIMIZE\ndoNotDisturb=true\n");

        assertThat(store.load().desktop()).isEqualTo(new DesktopSettings(true, DesktopSettings.CloseAction.ASK, false));
    }

    @Test
    void missingOrBrokenFileGivesDefaults() throws Exception {
        SettingsStore store = new SettingsStore(new ConfigDir(home), "ws://127.0.0.1:8686");
        assertThat(store.load()).isEqualTo(ClientSettings.defaults("ws://127.0.0.1:8686"));

        Files.writeString(home.resolve(SettingsStore.FILE), "theme=\\u12");
        assertThat(store.load()).isEqualTo(ClientSettings.defaults("ws://127.0.0.1:8686"));
    }

    @Test
    void defaultDirectoryFollowsXdgThenAppDataThenHome() {
        assertThat(ConfigDir.defaultFor(Map.of("XDG_CONFIG_HOME", "/x"), "/home/u").path()).isEqualTo(Path.of("/x/duet"));
        assertThat(ConfigDir.defaultFor(Map.of("APPDATA", "/w"), "/home/u").path()).isEqualTo(Path.of("/w/Duet"));
        assertThat(ConfigDir.defaultFor(Map.of(), "/home/u").path()).isEqualTo(Path.of("/home/u/.config/duet"));
    }
}
