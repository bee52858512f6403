package app.duet.client.instance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * One Duet per config dir. The first start holds a lock on a file for its whole life and listens on a
 * Unix-domain socket; a later start finds the lock taken, hands its message (a link, or "show") to the socket
 * and ends. The lock, not the socket file, says whether an instance runs: the system releases it when a
 * process dies however it dies, so a socket file left by a crash is only a file, removed by the next start.
 * (decision 0014)
 */
public final class SingleInstance {
    /** How long a second start waits for a first one that holds the lock but is not listening yet. */
    static final Duration HAND_OVER_WAIT = Duration.ofSeconds(15);
    private static final Duration RETRY = Duration.ofMillis(100);

    private SingleInstance() {
    }

    /**
     * Becomes the running instance (returned, listening for nothing yet), or hands {@code message} to the one
     * already running and returns empty once it has taken it.
     *
     * @throws IOException when another instance holds the lock but does not take the message in time
     */
    public static Optional<RunningInstance> claim(InstanceAddress address, InstanceMessage message)
            throws IOException {
        Files.createDirectories(address.lockFile().getParent());
        FileChannel lockFile = FileChannel.open(address.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile);
        if (lock != null) {
            return Optional.of(listen(address, lockFile, lock));
        }
        lockFile.close();
        handOver(address, message);
        return Optional.empty();
    }

    private static RunningInstance listen(InstanceAddress address, FileChannel lockFile, FileLock lock)
            throws IOException {
        try {
            Files.deleteIfExists(address.socket()); // left by a Duet that ended without closing it
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(address.socket()));
            return new RunningInstance(address, lockFile, server);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException e) { // held by another Duet in this JVM (tests run several)
            return null;
        }
    }

    private static void handOver(InstanceAddress address, InstanceMessage message) throws IOException {
        long deadline = System.nanoTime() + HAND_OVER_WAIT.toNanos();
        while (true) {
            try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
                socket.write(ByteBuffer.wrap((message.toLine() + "\n").getBytes(StandardCharsets.UTF_8)));
                socket.shutdownOutput();
                if (!RunningInstance.readLine(socket).equals(RunningInstance.TAKEN)) {
                    throw new IOException("the running Duet did not take the message");
                }
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Duet is running (" + address.lockFile() + " is locked) but does not answer on "
                            + address.socket(), e);
                }
                pause();
            }
        }
    }

    /** The first instance is between taking the lock and listening: give it a moment. */
    private static void pause() throws IOException {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while handing over to the running Duet", e);
        }
    }
}
