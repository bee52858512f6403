package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/decode-on-selector.patch: with {@code setDecodeOnSelector(true)} every frame is decoded
 * and handed to {@code onMessage} on the selector thread, in order; a handler that throws is reported to
 * {@code onError} and the selector goes on serving every connection. Without it frames still go to a decoder thread, as released 1.6.0 does.
 */
class DecodeOnSelectorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int FRAMES = 200;

    @Test
    void framesAreDecodedOnTheSelectorThreadInOrder() throws Exception {
        ThreadRecordingServer server = new ThreadRecordingServer(true);
        server.started();
        LoopbackClient client = new LoopbackClient(server.uri());
        try {
            assertThat(client.connectBlocking()).isTrue();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                sent.add("frame " + i + " " + "x".repeat(i * 37));
                client.send(sent.get(i));
            }
            await().atMost(TIMEOUT).until(() -> server.received.size() == FRAMES);
            assertThat(server.received).containsExactlyElementsOf(sent);
            assertThat(server.threads).singleElement().asString().startsWith("WebSocketSelector-");
        } finally {
            client.closeBlocking();
            server.stop(1000);
        }
    }

    @Test
    void withoutItFramesGoToADecoderThread() throws Exception {
        ThreadRecordingServer server = new ThreadRecordingServer(false);
        server.started();
        LoopbackClient client = new LoopbackClient(server.uri());
        try {
            assertThat(client.connectBlocking()).isTrue();
            client.send("hello");
            await().atMost(TIMEOUT).until(() -> server.received.size() == 1);
            assertThat(server.threads).singleElement().asString().startsWith("WebSocketWorker-");
        } finally {
            client.closeBlocking();
            server.stop(1000);
        }
    }

    @Test
    void aHandlerThatThrowsDoesNotStopTheSelector() throws Exception {
        ThreadRecordingServer server = new ThreadRecordingServer(true);
        server.started();
        LoopbackClient failing = new LoopbackClient(server.uri());
        LoopbackClient other = new LoopbackClient(server.uri());
        try {
            assertThat(failing.connectBlocking()).isTrue();
            assertThat(other.connectBlocking()).isTrue();
            failing.send("throw");
            await().atMost(TIMEOUT).until(() -> server.errors.get() == 1);
            other.send("still here");
            failing.send("and here");
            await().atMost(TIMEOUT).until(() -> server.received.size() == 2);
            assertThat(server.received).containsExactlyInAnyOrder("still here", "and here");
        } finally {
            failing.closeBlocking();
            other.closeBlocking();
            server.stop(1000);
        }
    }

    /** Records each text and the thread that handled it; "throw" makes the handler throw. */
    private static final class ThreadRecordingServer extends LoopbackServer {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger errors = new AtomicInteger();

        ThreadRecordingServer(boolean decodeOnSelector) {
            setDecodeOnSelector(decodeOnSelector);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.equals("throw")) {
                throw new IllegalStateException("the handler failed");
            }
            threads.add(Thread.currentThread().getName());
            super.onMessage(conn, message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn != null) {
                errors.incrementAndGet();
            } else {
                super.onError(conn, ex);
            }
        }
    }
}
