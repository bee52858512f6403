package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/select-action.patch: the selector hands each ready key to the server as it finds it
 * instead of filling its selected-key set. A connection whose read fails in a wake-up is closed, and the
 * keys after it, which that wake-up left alone, are served on the next: every other client's frames
 * arrive, in order, and the server goes on accepting.
 */
class SelectActionTest {
    private static final int CLIENTS = 12;
    private static final int FRAMES = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aReadThatFailsClosesItsConnectionAndTheOthersAreStillServed() throws Exception {
        FailingFirstFactory factory = new FailingFirstFactory();
        LoopbackServer server = new LoopbackServer();
        server.setDecodeOnSelector(true);
        server.setWebSocketFactory(factory);
        server.started();
        List<LoopbackClient> clients = new ArrayList<>();
        CountDownLatch failedClosed = new CountDownLatch(1);
        try {
            LoopbackClient failing = new LoopbackClient(server.uri()) {
                @Override
                public void onClose(int code, String reason, boolean remote) {
                    failedClosed.countDown();
                }
            };
            assertThat(failing.connectBlocking()).isTrue();
            for (int c = 0; c < CLIENTS; c++) {
                LoopbackClient client = new LoopbackClient(server.uri());
                assertThat(client.connectBlocking()).isTrue();
                clients.add(client);
            }
            // The failing connection's next read throws while the others' frames are on their way.
            factory.failNow.set(true);
            failing.send("lost");
            for (int f = 0; f < FRAMES; f++) {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.get(c).send(c + ":" + f);
                }
            }

            assertThat(failedClosed.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            await().atMost(TIMEOUT).until(() -> server.received.size() == CLIENTS * FRAMES);
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = c + ":";
                assertThat(server.received.stream().filter(m -> m.startsWith(prefix)).toList())
                        .as("client %d's frames, in order", c)
                        .containsExactlyElementsOf(expected(c));
            }
            LoopbackClient late = new LoopbackClient(server.uri());
            assertThat(late.connectBlocking()).as("still accepting").isTrue();
            clients.add(late);
        } finally {
            for (LoopbackClient c : clients) {
                c.closeBlocking();
            }
            server.stop(1000);
        }
    }

    private static List<String> expected(int client) {
        List<String> frames = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            frames.add(client + ":" + f);
        }
        return frames;
    }

    /** The first accepted socket gets a channel whose reads fail once {@code failNow} is set; the rest are plain. */
    private static final class FailingFirstFactory implements WebSocketServerFactory {
        final AtomicBoolean failNow = new AtomicBoolean();
        private final AtomicBoolean first = new AtomicBoolean(true);

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
            return new WebSocketImpl(a, d);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> drafts) {
            return new WebSocketImpl(a, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return first.getAndSet(false) ? new FailingChannel(channel, failNow) : channel;
        }

        @Override
        public void close() {
        }
    }

    private record FailingChannel(SocketChannel channel, AtomicBoolean failNow) implements ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (failNow.get()) {
                throw new IOException("read failed (test)");
            }
            return channel.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
