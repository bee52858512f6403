package app.duet.client.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import app.duet.client.config.ConfigDir;

/**
 * Where the running Duet of one config dir can be found: the lock file it holds for its whole life (in the
 * config dir: the instance is "one per config dir", so a second client started with --config-dir runs beside
 * the first) and the Unix-domain socket it listens on. The socket lives in $XDG_RUNTIME_DIR, which is the
 * user's own (rwx------); without one, in a directory of the temp dir made for this user alone. Its name is a
 * hash of the config dir, because a socket path may be at most about 100 bytes long.
 */
public record InstanceAddress(Path lockFile, Path socket) {

    public static InstanceAddress of(ConfigDir configDir, Map<String, String> env, String tempDir, String userName)
            throws IOException {
        Path runtime = env.get("XDG_RUNTIME_DIR") == null || env.get("XDG_RUNTIME_DIR").isBlank()
                ? privateDir(Path.of(tempDir, "duet-" + userName), userName)
                : Path.of(env.get("XDG_RUNTIME_DIR"));
        String name = "duet-" + hash(configDir.path().toString()) + ".sock";
        return new InstanceAddress(configDir.resolve("instance.lock"), runtime.resolve(name));
    }

    private static Path privateDir(Path dir, String userName) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            if (!Files.getOwner(dir).getName().equals(userName)) {
                throw new IOException(dir + " belongs to another user; set XDG_RUNTIME_DIR");
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
