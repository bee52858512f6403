package app.duet.client.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The directory holding the client's settings and remembered session. Everything in it is private to
 * the user: the directory is created rwx------ and every file is written rw------- (on POSIX systems)
 * before its content lands, through a temporary file and an atomic move.
 */
public final class ConfigDir {
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    public ConfigDir(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** $XDG_CONFIG_HOME/duet, else %APPDATA%\Duet on Windows, else ~/.config/duet. */
    public static ConfigDir defaultFor(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new ConfigDir(Path.of(xdg, "duet"));
        }
        String appData = env.get("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return new ConfigDir(Path.of(appData, "Duet"));
        }
        return new ConfigDir(Path.of(userHome, ".config", "duet"));
    }

    public Path path() {
        return dir;
    }

    public Path resolve(String fileName) {
        return dir.resolve(fileName);
    }

    /** A properties file of this directory (UTF-8), or empty if there is none. */
    public Optional<Properties> readProperties(String fileName) throws IOException {
        Path file = resolve(fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return Optional.of(p);
    }

    /** Writes {@code p} as a properties file (UTF-8) with {@link #writePrivate}. */
    public void writeProperties(String fileName, Properties p, String comment) throws IOException {
        StringWriter out = new StringWriter();
        p.store(out, comment);
        writePrivate(fileName, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file readable only by its owner, replacing any previous content atomically. */
    public void writePrivate(String fileName, byte[] content) throws IOException {
        ensureExists();
        Path tmp = Files.createTempFile(dir, "." + fileName, ".tmp");
        try {
            restrict(tmp, OWNER_FILE);
            Files.write(tmp, content);
            Files.move(tmp, resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void delete(String fileName) throws IOException {
        Files.deleteIfExists(resolve(fileName));
    }

    private void ensureExists() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrict(dir, OWNER_DIR);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        } else {
            // Non-POSIX (Windows): files under the user's profile are private to the user by default ACLs.
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
        }
    }
}
