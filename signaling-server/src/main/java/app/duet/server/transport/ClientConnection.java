package app.duet.server.transport;

import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ServerMessage;
import app.duet.server.auth.Principal;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-connection state, kept as the WebSocket's attachment. */
final class ClientConnection implements Heartbeat.Peer, AuthDeadline.Peer {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final WebSocket socket;
    private final ProtocolCodec codec;
    private final String id;
    private final String address;
    private final FloodGuard flood;
    private final int maxBufferedBytes;
    private final AtomicBoolean authenticating = new AtomicBoolean();
    private final int heartbeatSlot = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean helloDone;
    private volatile Principal principal;
    /** When it opened or its session last ended; see {@link AuthDeadline}. */
    private volatile long unauthenticatedSinceNanos = System.nanoTime();
    /** The code we closed with, 0 until we close: the reason counted, whatever ends the handshake. */
    private volatile int closeCodeSent;
    /** Messages relayed from this client; only the connection's worker thread, which handles its frames, counts. */
    private int relayed;

    /** @param maxBufferedBytes frames waiting to be written to this client; past this it is dropped */
    ClientConnection(WebSocket socket, ProtocolCodec codec, String id, String address, FloodGuard flood,
            int maxBufferedBytes) {
        this.socket = socket;
        this.codec = codec;
        this.id = id;
        this.address = address;
        this.flood = flood;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    String id() {
        return id;
    }

    String address() {
        return address;
    }

    void send(ServerMessage message) {
        sendText(codec.encode(message));
    }

    /**
     * Queues a frame for the selector thread to write. A client that stops reading would make the queue grow
     * without bound (server memory); past {@code maxBufferedBytes} it is dropped instead, with close code
     * {@link Protocol#CLOSE_NOT_READING} in the server's log and metrics. It cannot read a close frame, which
     * would wait behind what it did not read, so it sees the connection end (1006) and reconnects.
     */
    void sendText(String frame) {
        if (bufferedBytes() + frame.length() > maxBufferedBytes) {
            log.warn("{} is not reading ({} frames waiting); dropping it", this, queue().size());
            socket.closeConnection(Protocol.CLOSE_NOT_READING, "not reading");
            return;
        }
        try {
            socket.send(frame);
        } catch (WebsocketNotConnectedException e) {
            log.debug("connection {} closed before a message could be sent", id);
        }
    }

    /** Whether the message this client is relaying now is timed: its first and every {@code oneIn}-th after. */
    boolean relayTimed(int oneIn) {
        return relayed++ % oneIn == 0;
    }

    /** A frame (any kind) came from the peer. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public int heartbeatSlot() {
        return heartbeatSlot;
    }

    @Override
    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    @Override
    public void ping() {
        try {
            socket.sendPing();
        } catch (WebsocketNotConnectedException e) {
            log.debug("connection {} closed before it could be pinged", id);
        }
    }

    @Override
    public void dropSilent() {
        log.debug("{} did not answer pings; dropping it", this);
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no pong received in time");
    }

    /**
     * Bytes of frames waiting to be written. Walks the queue, which is empty or nearly so for a client that
     * reads; only a stalled one has a long queue, and it is dropped once it passes the limit.
     */
    private long bufferedBytes() {
        BlockingQueue<ByteBuffer> queue = queue();
        if (queue.isEmpty()) {
            return 0;
        }
        long bytes = 0;
        for (ByteBuffer b : queue) {
            bytes += b.remaining();
        }
        return bytes;
    }

    /** The library's per-connection queue of encoded frames, emptied by its selector thread. */
    private BlockingQueue<ByteBuffer> queue() {
        return ((WebSocketImpl) socket).outQueue;
    }

    void close(int code, String reason) {
        if (closeCodeSent == 0) {
            closeCodeSent = code;
        }
        socket.close(code, reason);
    }

    /**
     * Why the connection ended: the code we closed with, else the one the library reports. A client still
     * writing when we close may never read our close frame and reset the socket, which the library reports
     * as 1006; the policy close is still what ended it.
     */
    int endedWith(int reportedCode) {
        return closeCodeSent != 0 ? closeCodeSent : reportedCode;
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    boolean helloDone() {
        return helloDone;
    }

    void helloDone(boolean done) {
        helloDone = done;
    }

    Principal principal() {
        return principal;
    }

    void principal(Principal p) {
        if (p == null && principal != null) {
            unauthenticatedSinceNanos = System.nanoTime();
        }
        principal = p;
    }

    @Override
    public boolean authenticated() {
        return principal != null;
    }

    @Override
    public long unauthenticatedSinceNanos() {
        return unauthenticatedSinceNanos;
    }

    @Override
    public void closeUnauthenticated() {
        if (socket.isOpen()) {
            log.info("{} did not authenticate in time; closing it", this);
            close(Protocol.CLOSE_AUTH_TIMEOUT, "not authenticated in time");
        }
    }

    /** Claims the right to run one signup/login/resume; false if one is already running. */
    boolean startAuthenticating() {
        return authenticating.compareAndSet(false, true);
    }

    void doneAuthenticating() {
        authenticating.set(false);
    }

    /** See {@link FloodGuard#admit()}. */
    int rateLimit() {
        return flood.admit();
    }

    @Override
    public String toString() {
        Principal p = principal;
        return "connection " + id + " from " + address + (p == null ? "" : " (" + p.username() + ")");
    }
}
