package app.duet.client.signaling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Ok;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.ServerMessage;

/**
 * What the {@link Connector}'s sockets report, on their read threads: an opened socket is greeted, frames are
 * decoded and sorted (replies to the {@link RequestTable}, events to the handler on the callback executor), a
 * closed socket fails its requests and is dialled again. The connector decides under its lock; this class does
 * the I/O and settles futures afterwards.
 */
final class SocketEvents implements SocketConnection.Callbacks {
    private static final Logger log = LoggerFactory.getLogger(SocketEvents.class);

    private final Connector connector;
    private final ProtocolCodec codec;
    private final RequestTable requests;
    private final Executor callbacks;
    private final ScheduledExecutorService timer;
    private final ThrottledWarning unreadable =
            new ThrottledWarning(log, "Unreadable frame from the server", Duration.ofSeconds(10), System::nanoTime);

    SocketEvents(Connector connector, ProtocolCodec codec, RequestTable requests, Executor callbacks,
                 ScheduledExecutorService timer) {
        this.connector = connector;
        this.codec = codec;
        this.requests = requests;
        this.callbacks = callbacks;
        this.timer = timer;
    }

    @Override
    public void opened(SocketConnection connection) {
        if (!connector.isCurrent(connection)) {
            return;
        }
        log.debug("Connected to {}; greeting", connection.getURI());
        connector.handler().handshake().whenComplete((ignored, error) -> handshakeDone(connection, error));
    }

    private void handshakeDone(SocketConnection connection, Throwable error) {
        if (error != null) {
            Throwable cause = SignalingClient.unwrap(error);
            log.warn("Handshake with {} failed: {}", connection.getURI(), cause.toString());
            if (cause instanceof SignalingException.Incompatible incompatible) {
                requests.failAll(requests.takeQueued(), incompatible);
            }
            connection.close();
            return;
        }
        List<PendingRequest> waiting = connector.greeted(connection);
        if (waiting == null) {
            return;
        }
        LocalAddressWatch.watch(connection, timer);
        waiting.forEach(p -> connector.transmit(connection, p));
    }

    @Override
    public void received(SocketConnection connection, String frame) {
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(frame, requests::typeOf);
        } catch (ProtocolException e) {
            unreadable.warn(e.getMessage());
            requests.unreadable(e);
            return;
        }
        if (message instanceof Ok ok) {
            requests.answered(ok);
        } else if (message instanceof ErrorReply error) {
            if (error.id() == null && error.code() == ErrorCode.RATE_LIMITED) {
                connector.refusalAnnounced(connection);
            }
            requests.refused(error);
        } else if (message instanceof Event event) {
            if (event instanceof Event.ServerShutdown shutdown && shutdown.reconnectAfterMs() != null) {
                connector.shutdownHint(shutdown.reconnectAfterMs());
            }
            callbacks.execute(() -> connector.handler().onEvent(event));
        }
    }

    @Override
    public void closed(SocketConnection connection, boolean everOpened, int code, String reason, Exception error) {
        if (code == Protocol.CLOSE_SESSION_REVOKED) {
            connector.handler().onSessionRevoked(SignalingListener.SignOutReason.SESSION_EXPIRED);
        } else if (code == Protocol.CLOSE_ACCOUNT_CLOSED) {
            connector.handler().onSessionRevoked(SignalingListener.SignOutReason.ACCOUNT_CLOSED);
        }
        Connector.Drop drop = connector.dropped(connection, code);
        if (drop == null) {
            return;
        }
        String cause = error == null ? reason : error.getMessage();
        log.info("Connection to {} {}: {}; {}", connection.getURI(),
                drop.plan().refused() ? "refused" : everOpened ? "lost" : "failed", cause,
                drop.plan().scheduled() ? "retrying in " + drop.plan().delayMs() + " ms" : "connecting again when needed");
        SignalingException failure = SignalingException.ofClosedSocket(drop.plan().refused(), everOpened,
                connection.getURI(), cause, error);
        requests.failAll(drop.lost(), failure);
        requests.failAll(drop.unreachable(), failure);
    }
}
