package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A relay in front of the real server that keeps every frame the app sends: the test reads back what a request
 * carried (a field the server does not echo) while the real server answers everything.
 */
public final class FrameTap extends WebSocketServer implements AutoCloseable {
    private final URI upstream;
    private final Queue<String> heard = new ConcurrentLinkedQueue<>();

    private FrameTap(URI upstream) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.upstream = upstream;
        setReuseAddr(true);
    }

    /** Starts on a free port in front of {@code upstream} and returns once it listens. */
    public static FrameTap inFrontOf(URI upstream) {
        FrameTap tap = new FrameTap(upstream);
        tap.start();
        await().atMost(Waits.SIGNALING).until(() -> tap.getPort() > 0);
        return tap;
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort());
    }

    /** Every text frame clients sent, in order. */
    public List<String> heard() {
        return List.copyOf(heard);
    }

    @Override
    public void onOpen(WebSocket app, ClientHandshake handshake) {
        WebSocketClient server = new WebSocketClient(upstream) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                app.send(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                app.close(code == -1 ? 1001 : code, reason);
            }

            @Override
            public void onError(Exception e) {
            }
        };
        try {
            // A test fixture on loopback: the app's first frame waits until the server's side is open.
            if (!server.connectBlocking(Waits.SIGNALING.toSeconds(), TimeUnit.SECONDS)) {
                app.close(1011, "upstream did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close(1011, "interrupted");
        }
        app.setAttachment(server);
    }

    @Override
    public void onMessage(WebSocket app, String message) {
        heard.add(message);
        app.<WebSocketClient>getAttachment().send(message);
    }

    @Override
    public void onMessage(WebSocket app, ByteBuffer message) {
        app.<WebSocketClient>getAttachment().send(message);
    }

    @Override
    public void onClose(WebSocket app, int code, String reason, boolean remote) {
        WebSocketClient server = app.getAttachment();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void onError(WebSocket app, Exception e) {
    }

    @Override
    public void onStart() {
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
