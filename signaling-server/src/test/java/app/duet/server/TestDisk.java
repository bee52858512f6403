package app.duet.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of a test's own, mounted under target/, so the test can make real storage faults
 * the kernel reports as on a real disk: fill it (ENOSPC) and empty it again, or make files immutable
 * (EPERM on write, even for root and for files already open) and writable again. Mounting needs root
 * (CI's test containers run as root); where it is not allowed the test is skipped, not failed.
 */
final class TestDisk implements AutoCloseable {
    private static final long COMMAND_TIMEOUT_SECONDS = 20;
    private static final int FILL_CHUNK_BYTES = 4096;

    private final Path dir;
    private final Path image;

    private TestDisk(Path dir, Path image) {
        this.dir = dir;
        this.image = image;
    }

    /** A tmpfs of {@code sizeBytes}: filling it is a full disk. */
    static TestDisk tmpfs(long sizeBytes) throws IOException, InterruptedException {
        Path dir = newMountPoint();
        mountOrSkip(dir, null, "mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", dir.toString());
        return new TestDisk(dir, null);
    }

    /**
     * An ext4 file system in a loop-mounted image of {@code sizeBytes}: unlike tmpfs, ext4 refuses writes to
     * an immutable file through descriptors opened before, as a server holds its database.
     */
    static TestDisk ext4(long sizeBytes) throws IOException, InterruptedException {
        Path dir = newMountPoint();
        Path image = dir.resolveSibling(dir.getFileName() + ".img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(sizeBytes);
        }
        String failure = run("mkfs.ext4", "-q", image.toString());
        if (failure != null) {
            Files.delete(image);
        }
        mountOrSkip(dir, failure, "mount", "-o", "loop", image.toString(), dir.toString());
        return new TestDisk(dir, image);
    }

    Path dir() {
        return dir;
    }

    /** Writes {@code file} until the file system has no space left; returns the bytes written. */
    long fill(Path file) throws IOException {
        byte[] chunk = new byte[FILL_CHUNK_BYTES];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                out.flush();
                written += chunk.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
            return written;
        }
    }

    /** {@code chattr +i} (or {@code -i}): no one, root included, may write the files while it is set. */
    void immutable(boolean on, Path... files) throws IOException, InterruptedException {
        for (Path f : files) {
            String failure = run("chattr", on ? "+i" : "-i", f.toString());
            if (failure != null) {
                throw new IOException("chattr " + f + ": " + failure);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", dir.toString());
        if (failure != null) {
            throw new IOException("umount " + dir + ": " + failure);
        }
        Files.delete(dir);
        if (image != null) {
            Files.delete(image);
        }
    }

    private static Path newMountPoint() throws IOException {
        return Files.createDirectories(Path.of("target", "test-disk-" + UUID.randomUUID()).toAbsolutePath());
    }

    private static void mountOrSkip(Path dir, String earlierFailure, String... mount)
            throws IOException, InterruptedException {
        String failure = earlierFailure != null ? earlierFailure : run(mount);
        if (failure != null) {
            Files.delete(dir);
        }
        assumeTrue(failure == null, "cannot make a test file system here (needs root and mkfs.ext4): " + failure);
    }

    /** Runs a command; returns null on success, else its exit code and output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage(); // not installed
        }
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + output;
    }
}
