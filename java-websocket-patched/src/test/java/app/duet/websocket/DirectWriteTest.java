package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocketImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/direct-write.patch: a thread that sends a frame writes it to the socket itself
 * when it can, instead of waking the selector thread; when it cannot (another thread is writing, or the
 * socket is full) the selector thread writes it as before, and no frame is lost, doubled or reordered.
 */
class DirectWriteTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LoopbackServer server;
    private Client client;
    private WebSocketImpl socket;

    @BeforeEach
    void connect() throws Exception {
        server = new LoopbackServer().started();
        client = new Client(server.uri());
        assertThat(client.connectBlocking(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(TIMEOUT).until(() -> server.getConnections().size() == 1);
        socket = (WebSocketImpl) server.getConnections().iterator().next();
    }

    @AfterEach
    void close() throws Exception {
        client.closeBlocking();
        server.stop(1000);
    }

    @Test
    void theSendingThreadWritesTheFrameItself() throws Exception {
        // Holding the write lock keeps the selector thread from writing (it waits for the lock in doWrite);
        // the lock is reentrant, so only a write made by this thread inside send() can empty the queue.
        socket.writeLock.lock();
        try {
            socket.send("written at once");
            assertThat(socket.outQueue).as("frames left for the selector thread").isEmpty();
        } finally {
            socket.writeLock.unlock();
        }
        await().atMost(TIMEOUT).until(() -> client.received.contains("written at once"));
    }

    @Test
    void aSenderDoesNotWaitWhileAnotherThreadWritesAndTheSelectorSendsItsFrameLater() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = writer.submit(() -> {
                socket.writeLock.lock();
                try {
                    locked.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    socket.writeLock.unlock();
                }
                return null;
            });
            locked.await();
            socket.send("queued"); // returns at once: the lock is busy, so the frame is left queued
            assertThat(socket.outQueue).hasSize(1);
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            await().atMost(TIMEOUT).until(() -> client.received.contains("queued"));
            assertThat(socket.outQueue).isEmpty();
        } finally {
            release.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void framesFromManyThreadsArriveWholeAndInOrderThroughAFullSocket() throws Exception {
        int threads = 4;
        int frames = 200;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < frames; i++) {
                        socket.send(thread + ":" + i + ":" + (i % 3 == 0 ? Client.PADDING : "small"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            // The client holds its first frame unread, so ~13 MB cannot all fit in the socket: some writes
            // were partial and what is left waits for the selector thread.
            assertThat(socket.outQueue).as("frames left for the selector thread").isNotEmpty();
            client.hold.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> client.count.get() == threads * frames);
            assertThat(client.outOfOrder).as("frames out of order or mangled").isEmpty();
            assertThat(client.next).hasSize(threads).allSatisfy((thread, next) -> assertThat(next).isEqualTo(frames));
        } finally {
            client.hold.countDown();
            senders.shutdownNow();
        }
    }

    private static final class Client extends LoopbackClient {
        static final String PADDING = "x".repeat(48_000);
        final List<String> received = new CopyOnWriteArrayList<>();
        final Map<String, Integer> next = new ConcurrentHashMap<>();
        final List<String> outOfOrder = new CopyOnWriteArrayList<>();
        final AtomicInteger count = new AtomicInteger();
        /** The first numbered frame is held unread until this opens, so the server's socket fills up. */
        final CountDownLatch hold = new CountDownLatch(1);

        Client(URI uri) {
            super(uri);
        }

        @Override
        public void onMessage(String message) {
            String[] parts = message.split(":", 3);
            if (parts.length != 3) {
                received.add(message);
                return;
            }
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int expected = next.getOrDefault(parts[0], 0);
            boolean wellFormed = parts[2].equals("small") || parts[2].equals(PADDING);
            if (Integer.parseInt(parts[1]) != expected || !wellFormed) {
                outOfOrder.add(parts[0] + ":" + parts[1] + " (expected " + expected + ")");
            }
            next.put(parts[0], expected + 1);
            count.incrementAndGet();
        }
    }
}
