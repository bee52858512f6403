package app.duet.installers.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackagedLauncherTest {

    @Test
    void linuxFollowsXdgCacheHome() {
        assertThat(PackagedLauncher.javafxCacheDir(Map.of("XDG_CACHE_HOME", "/home/ann/.xdg-cache"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.xdg-cache/duet/openjfx"));
    }

    @Test
    void linuxFallsBackToDotCacheWhenXdgIsUnsetOrRelative() {
        assertThat(PackagedLauncher.javafxCacheDir(Map.of(), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.cache/duet/openjfx"));
        assertThat(PackagedLauncher.javafxCacheDir(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.cache/duet/openjfx"));
    }

    @Test
    void macUsesLibraryCaches() {
        assertThat(PackagedLauncher.javafxCacheDir(Map.of(), "Mac OS X", "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Caches/Duet/openjfx"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(PackagedLauncher.javafxCacheDir(Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local"), "Windows 11", "/c/Users/ann"))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/Duet/cache/openjfx"));
        assertThat(PackagedLauncher.javafxCacheDir(Map.of(), "Windows 11", "/c/Users/ann"))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/Duet/cache/openjfx"));
    }
}
