package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
        AtomicBoolean failNow = new AtomicBoolean();
        AtomicBoolean first = new AtomicBoolean(true);
        LoopbackServer server = new LoopbackServer();
        server.setDecodeOnSelector(true);
        // The first accepted socket's reads fail once failNow is set; the others are plain.
        server.setWebSocketFactory(new WrappingFactory(
                channel -> first.getAndSet(false) ? new FailingChannel(channel, failNow) : channel));
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
            assertThat(failing.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int c = 0; c < CLIENTS; c++) {
                LoopbackClient client = new LoopbackClient(server.uri());
                assertThat(client.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                clients.add(client);
            }
            // The failing connection's next read throws while the others' frames are on their way.
            failNow.set(true);
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
            assertThat(late.connectBlocking(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("still accepting").isTrue();
            clients.add(late);
        } finally {
            // Not closeBlocking: a selector that stopped serving would never answer, and the test would hang.
            for (LoopbackClient c : clients) {
                c.close();
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

    /** Reads fail once {@code failNow} is set. */
    private static final class FailingChannel extends ForwardingChannel {
        private final AtomicBoolean failNow;

        FailingChannel(SocketChannel channel, AtomicBoolean failNow) {
            super(channel);
            this.failNow = failNow;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (failNow.get()) {
                throw new IOException("read failed (test)");
            }
            return super.read(dst);
        }
    }
}
