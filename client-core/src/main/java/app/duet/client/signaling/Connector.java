package app.duet.client.signaling;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;

/**
 * Keeps one WebSocket to the server open: connects, greets through the {@link ConnectionHandler}'s handshake
 * and reconnects with backoff after a drop ({@link Redial}). Requests made while not ready wait in the
 * {@link RequestTable} (within their timeout) and go out once the handshake is done; the table matches replies
 * to them.
 *
 * <p>The connection's state sits under one lock (the table's lock is only ever taken inside it); no socket
 * I/O happens while it is held. What the socket reports goes through {@link SocketEvents}, which asks this
 * class to decide under the lock and then does the I/O and fails requests after it. Futures, events and
 * state changes are handed to the callback executor, which keeps their order.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);

    private final ScheduledExecutorService timer;
    private final Executor callbacks;
    private final RequestTable requests;
    private final SocketEvents events;
    private final Object lock = new Object();
    private ConnectionHandler handler;

    // Guarded by lock.
    private final Redial redial;
    private SignalingConfig config;
    private SocketConnection socket;
    private boolean ready;
    private boolean started;
    private boolean closed;
    private ConnectionState state = ConnectionState.OFFLINE;

    Connector(SignalingConfig config, ProtocolCodec codec, ScheduledExecutorService timer, Executor callbacks) {
        this.config = config;
        this.timer = timer;
        this.callbacks = callbacks;
        this.requests = new RequestTable(codec, timer, callbacks);
        this.events = new SocketEvents(this, codec, requests, callbacks, timer);
        this.redial = new Redial(timer);
    }

    void setHandler(ConnectionHandler handler) {
        this.handler = handler;
    }

    ConnectionHandler handler() {
        return handler;
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

    /** The server said how often it pings: see {@link SocketConnection#followHeartbeat}. */
    void serverHeartbeat(Integer heartbeatSeconds) {
        synchronized (lock) {
            if (socket != null) {
                socket.followHeartbeat(heartbeatSeconds);
            }
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
                wakeUp = state.connectsOnRequest() && socket == null;
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
            redial.cancel();
            if (state.connectsOnRequest()) {
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
            redial.serverChanged();
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
            redial.cancel();
            setStateLocked(ConnectionState.OFFLINE);
        }
        if (old != null) {
            old.close();
        }
        requests.failAll(all, new SignalingException.Closed("The client is closed."));
    }

    // ---- Decisions for SocketEvents, each under the lock; SocketEvents delivers their outcome after it. ----

    /** Whether {@code connection} is the current socket (callbacks of replaced sockets are ignored). */
    boolean isCurrent(SocketConnection connection) {
        synchronized (lock) {
            return connection == socket;
        }
    }

    /** {@code connection} got through its handshake: it is ready. The queued requests to send, or null if stale. */
    List<PendingRequest> greeted(SocketConnection connection) {
        synchronized (lock) {
            if (connection != socket) {
                return null;
            }
            ready = true;
            redial.connected();
            List<PendingRequest> waiting = requests.releaseQueued();
            setStateLocked(ConnectionState.CONNECTED);
            return waiting;
        }
    }

    /** The server said it refuses {@code connection}; counts only before the greeting was answered. */
    void refusalAnnounced(SocketConnection connection) {
        synchronized (lock) {
            if (connection == socket && !ready) {
                redial.refusalAnnounced();
            }
        }
    }

    /** The server is shutting down and asked to come back after {@code reconnectAfterMs}. */
    void shutdownHint(long reconnectAfterMs) {
        synchronized (lock) {
            redial.shutdownHint(reconnectAfterMs);
        }
    }

    /** What a closed socket leaves to fail: requests sent on it, and queued ones nobody will send. */
    record Drop(List<PendingRequest> lost, List<PendingRequest> unreachable, Redial.Plan plan) { }

    /** {@code connection} closed with {@code code}: schedules the next attempt. Null if stale or closed. */
    Drop dropped(SocketConnection connection, int code) {
        synchronized (lock) {
            if (connection != socket) {
                return null;
            }
            socket = null;
            ready = false;
            List<PendingRequest> lost = requests.takeInFlight();
            if (closed) {
                return null;
            }
            Redial.Plan plan = redial.closed(code, config.backoff(), this::reconnect);
            List<PendingRequest> unreachable = plan.next() != ConnectionState.RECONNECTING
                    ? requests.takeQueued() : List.of();
            setStateLocked(plan.next());
            return new Drop(lost, unreachable, plan);
        }
    }

    private void reconnect() {
        SocketConnection fresh;
        synchronized (lock) {
            if (closed || socket != null) {
                return;
            }
            redial.due();
            fresh = openLocked();
        }
        fresh.connect();
    }

    private SocketConnection openLocked() {
        redial.opening();
        socket = new SocketConnection(config.serverUri(), (int) config.connectTimeout().toMillis(),
                new OutboundPacer(timer, System::nanoTime), events);
        return socket;
    }

    /** Hands {@code p} to {@code target}; called without the lock. */
    void transmit(SocketConnection target, PendingRequest p) {
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
