package app.duet.installers.launcher;

import app.duet.client.DuetLauncher;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Main class of the installed app (jpackage's --main-class): points JavaFX's native-library cache at
 * Duet's own per-user cache directory, then starts the client exactly as {@code java -jar} would.
 *
 * <p>Why not {@code --java-options -Djavafx.cachedir=$HOME/...}: JDK 17's jpackage launcher expands
 * only $APPDIR, $BINDIR and $ROOTDIR in its options, and the install directory is read-only for users.
 * An explicit {@code -Djavafx.cachedir} still wins.
 */
public final class PackagedLauncher {
    static final String CACHE_DIR_PROPERTY = "javafx.cachedir";

    private PackagedLauncher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
            System.setProperty(CACHE_DIR_PROPERTY, javafxCacheDir(System.getenv(),
                    System.getProperty("os.name"), System.getProperty("user.home")).toString());
        }
        DuetLauncher.main(args);
    }

    /** Linux: $XDG_CACHE_HOME/duet/openjfx or ~/.cache/…; macOS: ~/Library/Caches/Duet/openjfx; Windows: %LOCALAPPDATA%\Duet\cache\openjfx. */
    static Path javafxCacheDir(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Duet").resolve("cache").resolve("openjfx");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Caches", "Duet", "openjfx");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("duet").resolve("openjfx");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
