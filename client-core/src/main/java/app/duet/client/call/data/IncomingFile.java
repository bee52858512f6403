package app.duet.client.call.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One file being received: written to a hidden ".part" file while its SHA-256 is computed, and moved to
 * its final name only when size and hash match what the sender announced.
 */
final class IncomingFile {

    private final String name;
    private final long size;
    private final String expectedSha256;
    private final Path directory;
    private final Path partial;
    private final OutputStream out;
    private final MessageDigest digest;
    private long received;

    IncomingFile(Path directory, String name, long size, String expectedSha256) throws IOException {
        this.directory = directory;
        this.name = name;
        this.size = size;
        this.expectedSha256 = expectedSha256;
        Files.createDirectories(directory);
        this.partial = Files.createTempFile(directory, "." + name + ".", ".part");
        this.out = Files.newOutputStream(partial);
        this.digest = Sha256.newDigest();
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    long received() {
        return received;
    }

    void write(byte[] data, int offset, int length) throws IOException {
        if (received + length > size) {
            throw new IOException("the sender sent more than the announced " + size + " bytes");
        }
        out.write(data, offset, length);
        digest.update(data, offset, length);
        received += length;
    }

    /** Verifies and stores the file; returns where it was saved. */
    Path finish() throws IOException {
        out.close();
        if (received != size) {
            throw new IOException("the file arrived incomplete (" + received + " of " + size + " bytes)");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new IOException("the file was damaged in transit (SHA-256 mismatch)");
        }
        return moveToFreeName();
    }

    private Path moveToFreeName() throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path target = directory.resolve(attempt == 0 ? name : numbered(attempt));
            try {
                return Files.move(partial, target); // without options: never replaces an existing file
            } catch (FileAlreadyExistsException e) {
                if (attempt > 1000) {
                    throw e;
                }
            }
        }
    }

    private String numbered(int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    void discard() {
        try {
            out.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(IncomingFile.class).warn("Could not delete {}", partial, e);
        }
    }
}
