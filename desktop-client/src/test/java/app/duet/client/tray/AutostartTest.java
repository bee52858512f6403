package app.duet.client.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {
    @TempDir
    Path home;

    @Test
    void writesAnEntryThatStartsTheInstalledLauncherHiddenAndRemovesIt() throws Exception {
        Autostart autostart = new Autostart(home.resolve("autostart"), Optional.of("/opt/duet/bin/Duet"));

        autostart.set(true);

        assertThat(autostart.enabled()).isTrue();
        assertThat(Files.readString(home.resolve("autostart/duet.desktop")))
                .contains("[Desktop Entry]", "Type=Application", "Exec=env GDK_GL=disable \"/opt/duet/bin/Duet\" --hidden");
        autostart.set(false);
        assertThat(autostart.enabled()).isFalse();
    }

    @Test
    void followsXdgConfigHome() {
        Autostart autostart = Autostart.forUser(Map.of("XDG_CONFIG_HOME", home.toString()), "/nowhere");
        assertThat(autostart.enabled()).isFalse();
        assertThat(home.resolve("autostart")).doesNotExist();
    }

    @Test
    void withoutAnInstalledLauncherItSaysWhy() {
        Autostart autostart = new Autostart(home, Optional.empty());

        assertThat(autostart.available()).isFalse();
        assertThatThrownBy(() -> autostart.set(true)).isInstanceOf(IOException.class).hasMessageContaining("not installed");
    }
}
