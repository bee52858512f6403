package app.duet.client.signaling;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One WebSocket connection attempt. Java-WebSocket clients cannot be reused after closing, so each
 * attempt is a new instance; its callbacks carry the instance so stale ones can be told apart.
 */
final class SocketConnection extends WebSocketClient {

    /**
     * The largest message the client reads: the server's own hard limit, four times the protocol's message
     * size. Anything larger is refused (close code 1009) as soon as its length is read, before any of it is
     * buffered; without a limit a frame header announcing two gigabytes made the read thread allocate them.
     */
    /** How often we ping; without a pong for 1.5 times as long, the connection is dead. */
    static final int PING_SECONDS = 20;
    static final int MAX_INCOMING_BYTES = 4 * app.duet.protocol.Protocol.MAX_FRAME_BYTES;

    /** Receives the callbacks of a connection on its read thread. */
    interface Callbacks {
        void opened(SocketConnection connection);

        void received(SocketConnection connection, String frame);

        void closed(SocketConnection connection, boolean everOpened, int code, String reason, Exception error);
    }

    private final Callbacks callbacks;
    private volatile boolean everOpened;
    private volatile Exception lastError;
    private volatile ScheduledFuture<?> addressWatch;
    private final OutboundPacer pacer;

    SocketConnection(URI uri, int connectTimeoutMs, OutboundPacer pacer,
            Callbacks callbacks) {
        super(uri, new Draft_6455(List.of(), List.of(new Protocol("")), MAX_INCOMING_BYTES), Map.of(),
                connectTimeoutMs);
        this.callbacks = callbacks;
        this.pacer = pacer;
        setTcpNoDelay(true);
        // WebSocket pings detect a dead connection (laptop sleep, pulled cable) that TCP would not report.
        setConnectionLostTimeout(PING_SECONDS);
    }

    /**
     * The server said how often it pings ({@code hello}'s {@code heartbeatSeconds}, null from servers that do
     * not say): a shorter heartbeat becomes ours, so a stalled server is noticed as soon as it would notice us.
     */
    void followHeartbeat(Integer heartbeatSeconds) {
        if (heartbeatSeconds != null && heartbeatSeconds > 0) {
            setConnectionLostTimeout(Math.min(PING_SECONDS, heartbeatSeconds));
        }
    }

    /** Sends {@code frame} within the protocol's rate: it may wait its turn (see {@link OutboundPacer}). */
    void sendPaced(String frame, Runnable ifClosed) {
        pacer.send(() -> {
            try {
                send(frame);
            } catch (WebsocketNotConnectedException e) {
                ifClosed.run();
            }
        });
    }

    /** Starts checking, with {@code watch}, that our end of the socket still has its address. */
    void watchAddress(ScheduledFuture<?> watch) {
        addressWatch = watch;
        if (isClosed()) { // closed before the watch was handed over: onClose could not stop it
            watch.cancel(false);
        }
    }

    /** Our end's address, or null before the socket is connected. */
    InetSocketAddress localAddress() {
        return getLocalSocketAddress();
    }

    /** Drops a socket that cannot work any more, without a closing handshake that could not get through. */
    void drop(String why) {
        closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        everOpened = true;
        callbacks.opened(this);
    }

    @Override
    public void onMessage(String frame) {
        callbacks.received(this, frame);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        ScheduledFuture<?> watch = addressWatch;
        if (watch != null) {
            watch.cancel(false);
        }
        String why = reason == null || reason.isEmpty() ? "close code " + code : reason + " (" + code + ")";
        callbacks.closed(this, everOpened, code, why, lastError);
    }

    @Override
    public void onError(Exception error) {
        // Java-WebSocket always follows an error with onClose; keep the cause for it.
        lastError = error;
    }
}
