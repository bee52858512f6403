package app.duet.websocket;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** The patched server on a free loopback port with one decoder and no heartbeat; keeps the texts it receives. */
class LoopbackServer extends WebSocketServer {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    LoopbackServer() {
        super(new InetSocketAddress("127.0.0.1", 0), 1);
        setConnectionLostTimeout(0);
    }

    /** Starts it and waits until it listens. */
    LoopbackServer started() throws Exception {
        start();
        started.get(30, TimeUnit.SECONDS);
        return this;
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/");
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        started.completeExceptionally(ex);
    }
}
