package app.duet.server.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;

/**
 * Connections to a running server's WebSocket layer without a socket: each is the library's own
 * {@link WebSocketImpl} (handshake, framing, UTF-8 checks, close handshake), fed bytes by the test and handing
 * what it writes straight back, with every event going to the server's {@link DuetWebSocketServer} as its
 * selector would pass it. So the real frame handler, dispatcher, services and store run, thousands of
 * frames a second, with no socket in between (the fuzz target's speed depends on it).
 */
final class InProcessClients extends WebSocketAdapter {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 40000);
    private static final String UPGRADE = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private final DuetWebSocketServer server;
    private final Map<WebSocket, InProcessClient> clients = new ConcurrentHashMap<>();
    /** Exceptions the library caught and reported, which the server's real listener would have logged. */
    private final ErrorSink errors;

    interface ErrorSink {
        void report(WebSocket socket, Exception e);
    }

    InProcessClients(SignalingEndpoint endpoint, ErrorSink errors) {
        this.server = endpoint.socketServer();
        this.errors = errors;
    }

    /** A connection that has completed its handshake; the server has opened it. */
    InProcessClient open() {
        WebSocketImpl socket = new WebSocketImpl(this, server.getDraft());
        InProcessClient client = new InProcessClient(socket);
        clients.put(socket, client);
        socket.decode(ByteBuffer.wrap(UPGRADE.getBytes(StandardCharsets.US_ASCII)));
        client.handshakeDone();
        return client;
    }

    @Override
    public void onWebsocketOpen(WebSocket socket, Handshakedata handshake) {
        server.onOpen(socket, (ClientHandshake) handshake);
    }

    @Override
    public void onWebsocketMessage(WebSocket socket, String message) {
        server.onMessage(socket, message);
    }

    @Override
    public void onWebsocketMessage(WebSocket socket, ByteBuffer blob) {
        server.onMessage(socket, blob);
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        server.onWebsocketPing(socket, ping);
    }

    @Override
    public void onWebsocketClose(WebSocket socket, int code, String reason, boolean remote) {
        clients.remove(socket);
        server.onClose(socket, code, reason, remote);
    }

    @Override
    public void onWebsocketClosing(WebSocket socket, int code, String reason, boolean remote) {
    }

    @Override
    public void onWebsocketCloseInitiated(WebSocket socket, int code, String reason) {
    }

    @Override
    public void onWebsocketError(WebSocket socket, Exception e) {
        server.onError(socket, e);
        errors.report(socket, e);
    }

    /** What the selector thread would write to the socket, handed to the client's reader instead. */
    @Override
    public void onWriteDemand(WebSocket socket) {
        InProcessClient client = clients.get(socket);
        ByteBuffer buffer;
        while ((buffer = ((WebSocketImpl) socket).outQueue.poll()) != null) {
            if (client != null) {
                client.received(buffer);
            }
        }
    }

    @Override
    public InetSocketAddress getLocalSocketAddress(WebSocket socket) {
        return LOOPBACK;
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress(WebSocket socket) {
        return LOOPBACK;
    }
}
