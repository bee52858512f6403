package app.duet.client.instance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.call.threads.DaemonThreads;

/**
 * The running Duet's side: holds the lock, and takes the messages of later starts on its socket
 * ({@code duet-instance} thread), one line per connection, answered "taken" once handed on.
 */
public final class RunningInstance implements AutoCloseable {
    static final String TAKEN = "taken";
    private static final Logger log = LoggerFactory.getLogger(RunningInstance.class);

    private final InstanceAddress address;
    private final FileChannel lockFile;
    private final ServerSocketChannel server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-instance"));

    RunningInstance(InstanceAddress address, FileChannel lockFile, ServerSocketChannel server) {
        this.address = address;
        this.lockFile = lockFile;
        this.server = server;
    }

    /** Starts taking messages; each goes to {@code onMessage} (which hops to the thread it needs). */
    public void listen(Consumer<InstanceMessage> onMessage) {
        thread.execute(() -> {
            while (server.isOpen()) {
                try (SocketChannel socket = server.accept()) {
                    String line = readLine(socket);
                    InstanceMessage.parse(line).ifPresentOrElse(message -> {
                        onMessage.accept(message);
                        answer(socket, TAKEN);
                    }, () -> {
                        log.warn("A start of Duet sent a message this one does not know ({} characters)", line.length());
                        answer(socket, "unknown");
                    });
                } catch (ClosedChannelException e) {
                    return; // closed: the app is quitting
                } catch (IOException e) {
                    log.warn("A start of Duet could not hand over its message", e);
                }
            }
        });
    }

    /** Reads up to the first line break or the end, at most {@link InstanceMessage#MAX_LINE} bytes. */
    static String readLine(SocketChannel socket) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(512);
        while (line.size() <= InstanceMessage.MAX_LINE && socket.read(buffer) != -1) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            buffer.clear();
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void answer(SocketChannel socket, String word) {
        try {
            socket.write(ByteBuffer.wrap((word + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            log.debug("The start that sent a message left before the answer", e);
        }
    }

    /** Stops listening, removes the socket and releases the lock. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(address.socket());
            lockFile.close();
        } catch (IOException e) {
            log.warn("Could not release {} cleanly", address.socket(), e);
        }
        thread.shutdownNow();
    }
}
