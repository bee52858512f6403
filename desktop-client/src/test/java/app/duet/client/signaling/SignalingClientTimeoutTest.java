package app.duet.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.duet.client.testing.Waits;
import app.duet.protocol.Ok;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * What the client does when a server greets it and then stops answering, or answers garbage: a server that
 * misbehaves on purpose, since the real one never does.
 */
class SignalingClientTimeoutTest {
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private MuteServer server;
    private SignalingClient client;

    /** Answers hello, then sends one unreadable frame and ignores every other request. */
    private static final class MuteServer extends WebSocketServer {
        private final ProtocolCodec codec = new ProtocolCodec();

        MuteServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            // Waits for hello.
        }

        @Override
        public void onMessage(WebSocket conn, String frame) {
            try {
                if (codec.decodeRequest(frame) instanceof Request.Hello hello) {
                    conn.send(codec.encode(new Ok(hello.id(), new Result.Hello("test", 1, 30))));
                    conn.send("{not json");
                }
            } catch (ProtocolException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            // Nothing is kept per connection.
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // The test asserts on the client's side only.
        }

        @Override
        public void onStart() {
            // The port is read by the test.
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        server.stop(1000);
        callbacks.shutdownNow();
    }

    @Test
    void anUnansweredRequestTimesOutAndGarbageFromTheServerDoesNotBreakTheConnection() throws Exception {
        server = new MuteServer();
        server.start();
        await().atMost(Waits.SIGNALING).until(() -> server.getPort() > 0);
        SignalingConfig defaults = SignalingConfig.defaults(URI.create("ws://127.0.0.1:" + server.getPort()), "t/1");
        SignalingConfig quick = new SignalingConfig(defaults.serverUri(), defaults.clientName(), Duration.ofMillis(500),
                defaults.connectTimeout(), defaults.backoff());
        client = new SignalingClient(quick, SessionStore.none(), callbacks);
        client.start();
        await().atMost(Waits.SIGNALING).until(() -> client.state() == ConnectionState.CONNECTED);

        Throwable failure = catchThrowable(() -> client.login("ann", "correct horse", false).get(10, TimeUnit.SECONDS));

        assertThat(SignalingClient.unwrap(failure)).isInstanceOf(SignalingException.Timeout.class)
                .hasMessageContaining("login");
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }
}
