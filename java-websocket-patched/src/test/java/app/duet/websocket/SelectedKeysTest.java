package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.WrappedByteChannel;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/selected-keys.patch: a frame to one socket must not make the server's selector
 * revisit every socket it wrote to before. Released 1.6.0 visits each of them on every wake-up (3,900
 * visits here); patched, none.
 */
class SelectedKeysTest {
    private static final int SOCKETS = 40;
    private static final int FRAMES = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aFrameToOneSocketDoesNotRevisitTheOthers() throws Exception {
        AtomicInteger emptyQueueVisits = new AtomicInteger();
        LoopbackServer server = new LoopbackServer();
        server.setWebSocketFactory(new WrappingFactory(channel -> new CountingChannel(channel, emptyQueueVisits)));
        server.started();
        List<Client> clients = new ArrayList<>();
        try {
            URI uri = server.uri();
            for (int i = 0; i < SOCKETS; i++) {
                Client c = new Client(uri);
                clients.add(c);
                assertThat(c.connectBlocking()).isTrue();
            }
            await().atMost(TIMEOUT).until(() -> server.getConnections().size() == SOCKETS);
            // Every socket is written to once and stays silent afterwards.
            server.getConnections().forEach(s -> s.send("hello"));
            await().atMost(TIMEOUT).until(() -> clients.stream().allMatch(c -> c.received.get() == 1));

            emptyQueueVisits.set(0);
            WebSocket one = server.getConnections().iterator().next();
            for (int i = 0; i < FRAMES; i++) {
                int before = totalReceived(clients);
                one.send("frame " + i);
                // One frame at a time, so each gets its own selector wake-up.
                await().atMost(TIMEOUT).until(() -> totalReceived(clients) == before + 1);
            }
            assertThat(emptyQueueVisits.get())
                    .as("selector visits to sockets with nothing to write")
                    .isLessThan(FRAMES * SOCKETS / 4);
        } finally {
            for (Client c : clients) {
                c.closeBlocking();
            }
            server.stop(1000);
        }
    }

    private static int totalReceived(List<Client> clients) {
        return clients.stream().mapToInt(c -> c.received.get()).sum();
    }

    private static final class Client extends LoopbackClient {
        final AtomicInteger received = new AtomicInteger();

        Client(URI uri) {
            super(uri);
        }

        @Override
        public void onMessage(String message) {
            received.incrementAndGet();
        }
    }

    /**
     * Each accepted socket, wrapped so the selector's write pass can be counted: it asks a wrapped channel
     * {@code isNeedWrite()} only when the connection's queue was empty, i.e. it had nothing to write.
     */
    private static final class CountingChannel extends ForwardingChannel implements WrappedByteChannel {
        private final AtomicInteger visits;

        CountingChannel(SocketChannel channel, AtomicInteger visits) {
            super(channel);
            this.visits = visits;
        }

        @Override
        public boolean isNeedWrite() {
            visits.incrementAndGet();
            return false;
        }

        @Override
        public void writeMore() {
        }

        @Override
        public boolean isNeedRead() {
            return false;
        }

        @Override
        public int readMore(ByteBuffer dst) {
            return 0;
        }

        @Override
        public boolean isBlocking() {
            return channel.isBlocking();
        }
    }
}
