package app.duet.server.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The thin WebSocket layer: per-connection state as the attachment, every frame to the {@link FrameHandler}. */
final class DuetWebSocketServer extends WebSocketServer {
    private static final Logger log = LoggerFactory.getLogger(DuetWebSocketServer.class);
    /**
     * The socket layer closes a connection (1009) above this; frames between the protocol limit and
     * this one still get a MESSAGE_TOO_LARGE reply on a connection that stays open.
     */
    static final int HARD_FRAME_LIMIT = 4 * app.duet.protocol.Protocol.MAX_FRAME_BYTES;

    private final FrameHandler frames;
    private final ConnectionFactory connections;
    private final ClientAddresses addresses;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();

    /** Makes the state object for a new socket. */
    interface ConnectionFactory {
        ClientConnection create(WebSocket socket, String id, String address);
    }

    DuetWebSocketServer(InetSocketAddress address, int decoderThreads, FrameHandler frames,
            ConnectionFactory connections, ClientAddresses addresses) {
        super(address, Math.max(1, decoderThreads), List.of(new Draft_6455(Collections.emptyList(),
                List.of(new Protocol("")), HARD_FRAME_LIMIT)));
        this.frames = frames;
        this.connections = connections;
        this.addresses = addresses;
        // Pings and lost connections are the Heartbeat's: the library's checker pings every socket at once.
        setConnectionLostTimeout(0);
        setReuseAddr(true);
        // Signaling frames are small and often come in pairs (a relayed event, then an ok): with Nagle on,
        // the second can wait for the peer's delayed ACK (~40 ms on Linux).
        setTcpNoDelay(true);
        setDaemon(true);
        setDecodeOnSelector(decoderThreads == 0);
    }

    /** Completes when the port is bound, or fails with the bind error. */
    CompletableFuture<Void> started() {
        return started;
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        InetSocketAddress remote = socket.getRemoteSocketAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        String address = addresses.clientAddress(peer, handshake.getFieldValue(ClientAddresses.FORWARDED_FOR));
        ClientConnection c = connections.create(socket, Long.toString(ids.incrementAndGet()), address);
        socket.setAttachment(c);
        log.debug("{} opened", c);
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        ClientConnection c = socket.getAttachment();
        // Not once closing: a refused connection's frames are never handled.
        if (c != null && socket.isOpen()) {
            c.heard();
            frames.onFrame(c, message);
        }
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        heard(socket);
        super.onWebsocketPing(socket, ping);
    }

    @Override
    public void onWebsocketPong(WebSocket socket, Framedata pong) {
        heard(socket);
    }

    private static void heard(WebSocket socket) {
        ClientConnection c = socket.getAttachment();
        if (c != null) {
            c.heard();
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        socket.close(CloseFrame.REFUSE, "Duet speaks JSON in text frames");
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        ClientConnection c = socket.getAttachment();
        if (c != null) {
            log.debug("{} closed: {} {}", c, code, reason);
            frames.onClose(c, code);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        if (socket == null) {
            if (!started.isDone()) {
                started.completeExceptionally(e);
            } else {
                log.error("WebSocket server error", e);
            }
        } else if (e instanceof InvalidDataException invalid) {
            // The client's mistake (e.g. a text frame that is not UTF-8): one line, no stack; it is closed.
            log.info("{} sent an invalid frame, closing it ({}): {}", socket.<Object>getAttachment(),
                    invalid.getCloseCode(), invalid.getMessage());
        } else {
            log.debug("error on {}: {}", socket.<Object>getAttachment(), e.toString());
        }
    }
}
