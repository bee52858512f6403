package app.duet.client.signaling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.MessageType;
import app.duet.protocol.Ok;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;

/**
 * Keeps one WebSocket to the server open: connects, greets through the {@link Handler}'s handshake,
 * matches replies to requests, times requests out, and reconnects with backoff after a drop. Requests
 * made while not ready wait in a queue (within their timeout) and go out once the handshake is done.
 *
 * <p>All state sits under one lock; no socket I/O happens while it is held. Futures, events and state
 * changes are handed to the callback executor, which keeps their order.
 */
final class Connector implements SocketConnection.Callbacks {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    /** Seconds without a pong before Java-WebSocket declares the connection dead. */
    static final int LOST_CONNECTION_SECONDS = 20;
    /** WebSocket close code the server uses when the session was revoked elsewhere. */
    static final int CLOSE_SESSION_REVOKED = 4001;
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
    private final AtomicLong ids = new AtomicLong();
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
    private Long shutdownHintMs;
    private ScheduledFuture<?> retryTask;
    private ConnectionState state = ConnectionState.OFFLINE;
    private final Map<String, PendingRequest> inFlight = new HashMap<>();
    private final ArrayDeque<PendingRequest> queued = new ArrayDeque<>();

    Connector(SignalingConfig config, ProtocolCodec codec, ScheduledExecutorService timer, Executor callbacks) {
        this.config = config;
        this.codec = codec;
        this.timer = timer;
        this.callbacks = callbacks;
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
        PendingRequest p = newPending(build);
        SocketConnection target = null;
        boolean wakeUp = false;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new SignalingException.Closed("The client is closed."));
            }
            armTimeoutLocked(p);
            if (ready) {
                inFlight.put(p.id, p);
                target = socket;
            } else {
                queued.add(p);
                wakeUp = state == ConnectionState.OFFLINE && socket == null;
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
        PendingRequest p = newPending(build);
        SocketConnection target;
        synchronized (lock) {
            target = socket;
            if (target == null) {
                return CompletableFuture.failedFuture(new SignalingException.ConnectionLost("Not connected."));
            }
            armTimeoutLocked(p);
            inFlight.put(p.id, p);
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
            if (state == ConnectionState.OFFLINE) {
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
            lost = drainInFlightLocked();
            ready = false;
            everConnected = false;
            attempt = 0;
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
        failAll(lost, new SignalingException.ConnectionLost("The server address changed."));
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
            all = drainInFlightLocked();
            all.addAll(queued);
            queued.clear();
            if (retryTask != null) {
                retryTask.cancel(false);
            }
            setStateLocked(ConnectionState.OFFLINE);
        }
        if (old != null) {
            old.close();
        }
        failAll(all, new SignalingException.Closed("The client is closed."));
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
                List<PendingRequest> waiting;
                synchronized (lock) {
                    waiting = new ArrayList<>(queued);
                    queued.clear();
                }
                failAll(waiting, incompatible);
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
            waiting = new ArrayList<>(queued);
            queued.clear();
            waiting.forEach(p -> inFlight.put(p.id, p));
            setStateLocked(ConnectionState.CONNECTED);
        }
        waiting.forEach(p -> transmit(connection, p));
    }

    @Override
    public void received(SocketConnection connection, String frame) {
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(frame, this::pendingType);
        } catch (ProtocolException e) {
            log.warn("Unreadable frame from the server: {}", e.getMessage());
            PendingRequest p = e.requestId() == null ? null : takeInFlight(e.requestId());
            if (p != null) {
                p.fail(new SignalingException.ServerError(e.code(), "The server's reply could not be read: " + e.getMessage()),
                        callbacks);
            }
            return;
        }
        if (message instanceof Ok ok) {
            PendingRequest p = takeInFlight(ok.id());
            if (p != null) {
                p.complete(ok.result(), callbacks);
            }
        } else if (message instanceof ErrorReply error) {
            PendingRequest p = error.id() == null ? null : takeInFlight(error.id());
            if (p == null) {
                log.warn("The server reported a problem: {} {}", error.code(), error.message());
            } else {
                p.fail(new SignalingException.ServerError(error.code(), error.message()), callbacks);
            }
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
        List<PendingRequest> lost;
        List<PendingRequest> unreachable = List.of();
        long delayMs = 0;
        synchronized (lock) {
            if (connection != socket) {
                return;
            }
            socket = null;
            ready = false;
            lost = drainInFlightLocked();
            if (closed) {
                return;
            }
            ConnectionState next = everConnected ? ConnectionState.RECONNECTING : ConnectionState.OFFLINE;
            if (next == ConnectionState.OFFLINE) {
                unreachable = new ArrayList<>(queued);
                queued.clear();
            }
            delayMs = nextDelayLocked();
            retryTask = timer.schedule(this::reconnect, delayMs, TimeUnit.MILLISECONDS);
            setStateLocked(next);
        }
        String cause = error == null ? reason : error.getMessage();
        log.info("Connection to {} {}: {}; retrying in {} ms", connection.getURI(),
                everOpened ? "lost" : "failed", cause, delayMs);
        SignalingException failure = everOpened
                ? new SignalingException.ConnectionLost("The connection to the server dropped (" + cause + ").")
                : new SignalingException.Unreachable("Could not reach the server at " + connection.getURI()
                        + " (" + cause + ").", error);
        failAll(lost, failure);
        failAll(unreachable, failure);
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
        socket = new SocketConnection(config.serverUri(), (int) config.connectTimeout().toMillis(),
                LOST_CONNECTION_SECONDS, this);
        return socket;
    }

    private PendingRequest newPending(Function<String, Request> build) {
        String id = Long.toString(ids.incrementAndGet());
        Request request = build.apply(id);
        return new PendingRequest(id, request, codec.encode(request));
    }

    private void armTimeoutLocked(PendingRequest p) {
        Duration timeout = config.requestTimeout();
        p.armTimeout(timer.schedule(() -> timedOut(p), timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void timedOut(PendingRequest p) {
        boolean removed;
        synchronized (lock) {
            removed = inFlight.remove(p.id, p) | queued.remove(p);
        }
        if (removed) {
            p.fail(new SignalingException.Timeout("The server did not answer " + p.type + " in time."), callbacks);
        }
    }

    private void transmit(SocketConnection target, PendingRequest p) {
        try {
            target.send(p.frame);
        } catch (WebsocketNotConnectedException e) {
            // The close callback fails everything in flight on this socket, this request included.
            log.debug("Socket closed before {} {} went out", p.type, p.id);
        }
    }

    private MessageType pendingType(String id) {
        synchronized (lock) {
            PendingRequest p = inFlight.get(id);
            return p == null ? null : p.type;
        }
    }

    private PendingRequest takeInFlight(String id) {
        synchronized (lock) {
            return inFlight.remove(id);
        }
    }

    private List<PendingRequest> drainInFlightLocked() {
        List<PendingRequest> drained = new ArrayList<>(inFlight.values());
        inFlight.clear();
        return drained;
    }

    private void setStateLocked(ConnectionState next) {
        if (state != next) {
            state = next;
            callbacks.execute(() -> handler.onState(next));
        }
    }

    private void failAll(List<PendingRequest> pending, SignalingException error) {
        pending.forEach(p -> p.fail(error, callbacks));
    }
}
