package app.duet.client.call.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera helper process ({@link CameraHelper}): launched, read frame by frame, stopped. Frames come on
 * a Unix-domain socket in a private temporary directory, not on the helper's standard output: libwebrtc
 * and webrtc-java print there ("VM attach current thread failed"), so that output is discarded.
 */
final class CameraProcess {

    private static final Logger LOG = LoggerFactory.getLogger(CameraProcess.class);
    private static final long STOP_WAIT_MILLIS = 3000;

    private final Process process;
    private final ServerSocketChannel server;
    private final Path socketDir;
    private final long launchedNanos = System.nanoTime();

    private CameraProcess(Process process, ServerSocketChannel server, Path socketDir) {
        this.process = process;
        this.server = server;
        this.socketDir = socketDir;
        // A helper that dies before it connects must not leave pump() waiting in accept().
        process.onExit().thenRun(this::closeServer);
    }

    static CameraProcess launch(String descriptor, int width, int height, int fps) throws IOException {
        Path socketDir = Files.createTempDirectory("duet-camera"); // owner-only: nobody else can connect
        Path socket = socketDir.resolve("frames");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            List<String> command = HelperCommand.of(CameraHelper.FLAG, CameraHelper.class, List.of(descriptor,
                    Integer.toString(width), Integer.toString(height), Integer.toString(fps), socket.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new CameraProcess(process, server, socketDir);
        } catch (IOException | RuntimeException e) {
            server.close();
            deleteSocket(socketDir);
            throw e;
        }
    }

    /**
     * Hands each frame (a native buffer the consumer releases) to {@code frames} until the helper's frames
     * end, then returns the helper's exit code (128 + signal when a signal ended it).
     */
    int pump(Consumer<NativeI420Buffer> frames) {
        try (SocketChannel channel = server.accept()) {
            closeServer();
            CameraFrames.Reader reader = new CameraFrames.Reader(
                    new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16)));
            while (true) {
                frames.accept(reader.next());
            }
        } catch (EOFException e) {
            // the helper exited, or was stopped
        } catch (IOException e) {
            if (process.isAlive()) {
                LOG.warn("Lost the camera helper's frames; stopping it", e);
            }
        } catch (Exception e) {
            LOG.warn("Unreadable frames from the camera helper; stopping it", e);
        }
        closeServer();
        process.destroyForcibly();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /** Closes the helper's input, on which it stops its camera and exits; kills it if it does not. */
    void stop() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("The camera helper did not stop within {} ms; killing it", STOP_WAIT_MILLIS);
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        closeServer();
    }

    /** Ends a helper that hangs; {@link #pump} then returns. */
    void kill() {
        process.destroyForcibly();
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the camera socket failed", e);
        }
        deleteSocket(socketDir);
    }

    private static void deleteSocket(Path socketDir) {
        try {
            Files.deleteIfExists(socketDir.resolve("frames"));
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", socketDir, e);
        }
    }
}
