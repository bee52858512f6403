package app.duet.client.tray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import app.duet.client.ui.settings.StartAtLogin;

/**
 * Start at login, hidden, on Linux: an XDG autostart entry ({@code $XDG_CONFIG_HOME/autostart/duet.desktop},
 * else {@code ~/.config/autostart/}) that runs Duet's launcher with {@code --hidden}. The launcher is the
 * installed app's (jpackage sets {@code jpackage.app-path}); without one there is nothing to start at login.
 */
public final class Autostart implements StartAtLogin {
    static final String FILE = "duet.desktop";
    private final Path dir;
    private final Optional<String> launcher;

    public Autostart(Path dir, Optional<String> launcher) {
        this.dir = dir;
        this.launcher = launcher;
    }

    public static Autostart forUser(Map<String, String> env, String userHome) {
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = config.isBlank() ? Path.of(userHome, ".config") : Path.of(config);
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        return new Autostart(base.resolve("autostart"),
                Optional.ofNullable(System.getProperty("jpackage.app-path")).filter(path -> linux));
    }

    /** False when Duet was not installed (run from a jar or the build) or not on Linux. */
    @Override
    public boolean available() {
        return launcher.isPresent();
    }

    @Override
    public boolean enabled() {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Writes or removes the entry. Blocking file I/O: not on the FX thread. */
    @Override
    public void set(boolean on) throws IOException {
        Path file = dir.resolve(FILE);
        if (!on) {
            Files.deleteIfExists(file);
            return;
        }
        String exec = launcher.orElseThrow(() -> new IOException("Duet is not installed, so it cannot start at login"));
        Files.createDirectories(dir);
        Files.writeString(file, "[Desktop Entry]\nType=Application\nName=Duet\nComment=Private, fast 1:1 calls\n"
                + "Exec=env GDK_GL=disable \"" + exec.replace("\"", "\\\"") + "\" --hidden\nTerminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n"); // GDK_GL: as the menu entry has it (decision 0018)
    }
}
