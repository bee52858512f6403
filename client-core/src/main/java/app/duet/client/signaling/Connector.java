package app.duet.client.signaling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Ok;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;

/**
 * Keeps one WebSocket to the server open: connects, greets through the {@link Handler}'s handshake and
 * reconnects with backoff after a drop. Requests made while not ready wait in the {@link RequestTable}
 * (within their timeout) and go out once the handshake is done; the table matches replies to them.
 *
 * <p>The connection's state sits under one lock (the table's lock is only ever taken inside it); no socket
 * I/O happens while it is held. Futures, events and state changes are handed to the callback executor,
 * which keeps their order.
 */
final class Connector implements SocketConnection.Callbacks {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    /** Seconds without a pong before Java-WebSocket declares the connection dead. */
    static final int LOST_CONNECTION_SECONDS = 20;
    /** WebSocket close code the server uses when the session was revoked elsewhere. */
    static final int CLOSE_SESSION_REVOKED = Protocol.CLOSE_SESSION_REVOKED;
    /** WebSocket close code the server uses when our address already has its maximum of connections. */
    static final int CLOSE_TOO_MANY_CONNECTIONS = Protocol.CLOSE_TOO_MANY_CONNECTIONS;
    /**
     * The wait after a 4029 refusal: retrying sooner only adds to the load that made the server refuse us
     * (the protocol asks for a long backoff). "Retry now" still works at once.
     */
    static final Backoff REFUSED_BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10),
            () -> ThreadLocalRandom.current().nextDouble());
    /** Extra random wait after a server_shutdown hint, so clients do not all return in the same millisecond. */
    static final long SHUTDOWN_JITTER_MS = 1_000;

    /** What the owner of the connection contributes. */
    interface Handler {
        /** Called when a socket opens: greet (and resume) with {@link #sendNow}, complete when requests may flow. */
        CompletableFuture<Void> handshake();

        /** Called on the callback executor. */
        void onEvent(Event event);

        /** Called on the callback executor. */
        void onState(ConnectionState state);

        /** The server closed the socket because the session was revoked; called before reconnecting. */
        void onSessionRevoked();
    }

    private final ProtocolCodec codec;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;
    private final RequestTable requests;
    private final Object lock = new Object();
    private Handler handler;

    // Guarded by lock.
    private SignalingConfig config;
    private SocketConnection socket;
    private boolean ready;
    private boolean started;
    private boolean closed;
    private boolean everConnected;
    private int attempt;
    private int refusals;
    /**
     * The server's id-less RATE_LIMITED error arrived before our greeting was answered: it refuses this
     * connection. It precedes the 4029 close, which can be lost when the server drops the socket while our
     * hello is still unread (the peer then sees a reset, code 1006).
     */
    private boolean refusalAnnounced;
    private Long shutdownHintMs;
    private ScheduledFuture<?> retryTask;
    private ConnectionState state = ConnectionState.OFFLINE;

    Connector(SignalingConfig config, ProtocolCodec codec, ScheduledExecutorService timer, Executor callbacks) {
        this.config = config;
        this.codec = codec;
        this.timer = timer;
        this.callbacks = callbacks;
        this.requests = new RequestTable(codec, timer, callbacks);
    }

    void setHandler(Handler handler) {
        this.handler = handler;
    }

    ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    SignalingConfig config() {
        synchronized (lock) {
            return config;
        }
    }

    void start() {
        SocketConnection fresh;
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            setStateLocked(ConnectionState.CONNECTING);
            fresh = openLocked();
        }
        fresh.connect();
    }

    /** Sends a request once connected and greeted; the future completes on the callback executor. */
    <R extends Result> CompletableFuture<R> request(Function<String, Request> build, Class<R> resultType) {
        PendingRequest p;
        SocketConnection target = null;
        boolean wakeUp = false;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new SignalingException.Closed("The client is closed."));
            }
            p = requests.create(build, config.requestTimeout());
            if (ready) {
                requests.sending(p);
                target = socket;
            } else {
                requests.queue(p);
                wakeUp = (state == ConnectionState.OFFLINE || state == ConnectionState.REFUSED) && socket == null;
            }
        }
        if (target != null) {
            transmit(target, p);
        }
        if (wakeUp) {
            retryNow();
        }
        return p.future.thenApply(resultType::cast);
    }

    /** Sends on the socket being set up, before it is ready: for the handshake only. */
    <R extends Result> CompletableFuture<R> sendNow(Function<String, Request> build, Class<R> resultType) {
        PendingRequest p;
        SocketConnection target;
        synchronized (lock) {
            target = socket;
            if (target == null) {
                return CompletableFuture.failedFuture(new SignalingException.ConnectionLost("Not connected."));
            }
            p = requests.create(build, config.requestTimeout());
            requests.sending(p);
        }
        transmit(target, p);
        return p.future.thenApply(resultType::cast);
    }

    /** Skips the rest of the backoff wait and tries to connect now. */
    void retryNow() {
        SocketConnection fresh;
        synchronized (lock) {
            if (closed || !started || socket != null) {
                return;
            }
            if (retryTask != null) {
                retryTask.cancel(false);
            }
            if (state == ConnectionState.OFFLINE || state == ConnectionState.REFUSED) {
                setStateLocked(ConnectionState.CONNECTING);
            }
            fresh = openLocked();
        }
        fresh.connect();
    }

    /** Drops the current connection and connects to another server. Queued requests go to the new one. */
    void changeServer(SignalingConfig newConfig) {
        SocketConnection old;
        SocketConnection fresh;
        List<PendingRequest> lost;
        synchronized (lock) {
            if (closed) {
                return;
            }
            config = newConfig;
            old = socket;
            lost = requests.takeInFlight();
            ready = false;
            everConnected = false;
            attempt = 0;
            refusals = 0;
            if (retryTask != null) {
                retryTask.cancel(false);
            }
            started = true;
            setStateLocked(ConnectionState.CONNECTING);
            fresh = openLocked();
        }
        if (old != null) {
            old.close();
        }
        requests.failAll(lost, new SignalingException.ConnectionLost("The server address changed."));
        fresh.connect();
    }

    void close() {
        SocketConnection old;
        List<PendingRequest> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            old = socket;
            socket = null;
            ready = false;
            all = requests.takeInFlight();
            all.addAll(requests.takeQueued());
            if (retryTask != null) {
                retryTask.cancel(false);
            }
            setStateLocked(ConnectionState.OFFLINE);
        }
        if (old != null) {
            old.close();
        }
        requests.failAll(all, new SignalingException.Closed("The client is closed."));
    }

    @Override
    public void opened(SocketConnection connection) {
        synchronized (lock) {
            if (connection != socket) {
                return;
            }
        }
        log.debug("Connected to {}; greeting", connection.getURI());
        handler.handshake().whenComplete((ignored, error) -> handshakeDone(connection, error));
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
        List<PendingRequest> waiting;
        synchronized (lock) {
            if (connection != socket) {
                return;
            }
            ready = true;
            everConnected = true;
            attempt = 0;
            refusals = 0;
            waiting = requests.releaseQueued();
            setStateLocked(ConnectionState.CONNECTED);
        }
        LocalAddressWatch.watch(connection, timer);
        waiting.forEach(p -> transmit(connection, p));
    }

    @Override
    public void received(SocketConnection connection, String frame) {
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(frame, requests::typeOf);
        } catch (ProtocolException e) {
            log.warn("Unreadable frame from the server: {}", e.getMessage());
            requests.unreadable(e);
            return;
        }
        if (message instanceof Ok ok) {
            requests.answered(ok);
        } else if (message instanceof ErrorReply error) {
            if (error.id() == null && error.code() == ErrorCode.RATE_LIMITED) {
                synchronized (lock) {
                    refusalAnnounced |= connection == socket && !ready;
                }
            }
            requests.refused(error);
        } else if (message instanceof Event event) {
            if (event instanceof Event.ServerShutdown shutdown && shutdown.reconnectAfterMs() != null) {
                synchronized (lock) {
                    shutdownHintMs = shutdown.reconnectAfterMs();
                }
            }
            callbacks.execute(() -> handler.onEvent(event));
        }
    }

    @Override
    public void closed(SocketConnection connection, boolean everOpened, int code, String reason, Exception error) {
        if (code == CLOSE_SESSION_REVOKED) {
            handler.onSessionRevoked();
        }
        boolean refused;
        List<PendingRequest> lost;
        List<PendingRequest> unreachable = List.of();
        long delayMs;
        synchronized (lock) {
            if (connection != socket) {
                return;
            }
            refused = code == CLOSE_TOO_MANY_CONNECTIONS || refusalAnnounced;
            socket = null;
            ready = false;
            lost = requests.takeInFlight();
            if (closed) {
                return;
            }
            ConnectionState next = refused ? ConnectionState.REFUSED
                    : everConnected ? ConnectionState.RECONNECTING : ConnectionState.OFFLINE;
            if (next != ConnectionState.RECONNECTING) {
                unreachable = requests.takeQueued();
            }
            delayMs = refused ? REFUSED_BACKOFF.delay(refusals++).toMillis() : nextDelayLocked();
            retryTask = timer.schedule(this::reconnect, delayMs, TimeUnit.MILLISECONDS);
            setStateLocked(next);
        }
        String cause = error == null ? reason : error.getMessage();
        log.info("Connection to {} {}: {}; retrying in {} ms", connection.getURI(),
                refused ? "refused" : everOpened ? "lost" : "failed", cause, delayMs);
        SignalingException failure = refused
                ? new SignalingException.Refused("The server has too many connections from your network right now.")
                : everOpened
                ? new SignalingException.ConnectionLost("The connection to the server dropped (" + cause + ").")
                : new SignalingException.Unreachable("Could not reach the server at " + connection.getURI()
                        + " (" + cause + ").", error);
        requests.failAll(lost, failure);
        requests.failAll(unreachable, failure);
    }

    private void reconnect() {
        SocketConnection fresh;
        synchronized (lock) {
            if (closed || socket != null) {
                return;
            }
            retryTask = null;
            fresh = openLocked();
        }
        fresh.connect();
    }

    private long nextDelayLocked() {
        if (shutdownHintMs != null) {
            long hint = shutdownHintMs + ThreadLocalRandom.current().nextLong(SHUTDOWN_JITTER_MS);
            shutdownHintMs = null;
            return hint;
        }
        Duration delay = config.backoff().delay(attempt);
        attempt++;
        return delay.toMillis();
    }

    private SocketConnection openLocked() {
        refusalAnnounced = false;
        socket = new SocketConnection(config.serverUri(), (int) config.connectTimeout().toMillis(),
                LOST_CONNECTION_SECONDS, new OutboundPacer(timer, System::nanoTime), this);
        return socket;
    }

    private void transmit(SocketConnection target, PendingRequest p) {
        // If the socket closed first, its close callback fails everything in flight on it, this request included.
        target.sendPaced(p.frame, () -> log.debug("Socket closed before {} {} went out", p.type, p.id));
        if (!p.expectsReply) {
            p.complete(Result.Empty.INSTANCE, callbacks);
        }
    }

    private void setStateLocked(ConnectionState next) {
        if (state != next) {
            state = next;
            callbacks.execute(() -> handler.onState(next));
        }
    }
}
