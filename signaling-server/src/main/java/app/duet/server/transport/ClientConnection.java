package app.duet.server.transport;

import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ServerMessage;
import app.duet.server.auth.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-connection state, kept as the WebSocket's attachment. */
final class ClientConnection {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    private final WebSocket socket;
    private final ProtocolCodec codec;
    private final String id;
    private final String address;
    private final FloodGuard flood;
    private final AtomicBoolean authenticating = new AtomicBoolean();
    private volatile boolean helloDone;
    private volatile Principal principal;

    ClientConnection(WebSocket socket, ProtocolCodec codec, String id, String address, FloodGuard flood) {
        this.socket = socket;
        this.codec = codec;
        this.id = id;
        this.address = address;
        this.flood = flood;
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

    void sendText(String frame) {
        try {
            socket.send(frame);
        } catch (WebsocketNotConnectedException e) {
            log.debug("connection {} closed before a message could be sent", id);
        }
    }

    void close(int code, String reason) {
        socket.close(code, reason);
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
        principal = p;
    }

    /** Claims the right to run one signup/login/resume; false if one is already running. */
    boolean startAuthenticating() {
        return authenticating.compareAndSet(false, true);
    }

    void doneAuthenticating() {
        authenticating.set(false);
    }

    /** @return the number of frames refused in a row, 0 if this one may pass */
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
