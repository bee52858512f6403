package app.duet.client.signaling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.ErrorReply;
import app.duet.protocol.MessageType;
import app.duet.protocol.Ok;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;

/**
 * The requests on their way: those waiting for the connection to be ready (queued, in order) and those
 * sent and waiting for their reply (in flight, by id). Gives each request its id and timeout and settles
 * it with the server's reply. Thread-safe under its own lock, which is taken last; nothing here does I/O.
 * Futures complete on the callback executor.
 */
final class RequestTable {
    private static final Logger log = LoggerFactory.getLogger(RequestTable.class);

    private final ProtocolCodec codec;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;
    private final AtomicLong ids = new AtomicLong();
    private final Object lock = new Object();
    private final Map<String, PendingRequest> inFlight = new HashMap<>(); // guarded by lock
    private final ArrayDeque<PendingRequest> queued = new ArrayDeque<>(); // guarded by lock

    RequestTable(ProtocolCodec codec, ScheduledExecutorService timer, Executor callbacks) {
        this.codec = codec;
        this.timer = timer;
        this.callbacks = callbacks;
    }

    /** A new request with its id and encoded frame; it fails with a timeout unless answered in time. */
    PendingRequest create(Function<String, Request> build, Duration timeout) {
        String id = Long.toString(ids.incrementAndGet());
        Request request = build.apply(id);
        PendingRequest p = new PendingRequest(id, request, codec.encode(request));
        if (p.expectsReply) {
            p.armTimeout(timer.schedule(() -> timedOut(p), timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        return p;
    }

    /** The request goes out now; its reply, if it expects one, is matched by id. */
    void sending(PendingRequest p) {
        if (p.expectsReply) {
            synchronized (lock) {
                inFlight.put(p.id, p);
            }
        }
    }

    /** The request waits for {@link #releaseQueued}. */
    void queue(PendingRequest p) {
        synchronized (lock) {
            queued.add(p);
        }
    }

    /** The connection is ready: the queued requests, in order, now count as in flight. */
    List<PendingRequest> releaseQueued() {
        synchronized (lock) {
            List<PendingRequest> waiting = new ArrayList<>(queued);
            queued.clear();
            waiting.stream().filter(p -> p.expectsReply).forEach(p -> inFlight.put(p.id, p));
            return waiting;
        }
    }

    List<PendingRequest> takeQueued() {
        synchronized (lock) {
            List<PendingRequest> waiting = new ArrayList<>(queued);
            queued.clear();
            return waiting;
        }
    }

    List<PendingRequest> takeInFlight() {
        synchronized (lock) {
            List<PendingRequest> drained = new ArrayList<>(inFlight.values());
            inFlight.clear();
            return drained;
        }
    }

    /** The type of the in-flight request with this id, for decoding its result; null when unknown. */
    MessageType typeOf(String id) {
        synchronized (lock) {
            PendingRequest p = inFlight.get(id);
            return p == null ? null : p.type;
        }
    }

    void answered(Ok ok) {
        PendingRequest p = take(ok.id());
        if (p != null) {
            p.complete(ok.result(), callbacks);
        }
    }

    void refused(ErrorReply error) {
        PendingRequest p = error.id() == null ? null : take(error.id());
        if (p == null) {
            log.warn("The server reported a problem: {} {}", error.code(), error.message());
        } else {
            p.fail(new SignalingException.ServerError(error.code(), error.message()), callbacks);
        }
    }

    /** A reply that could not be decoded fails its request, when it names one. */
    void unreadable(ProtocolException e) {
        PendingRequest p = e.requestId() == null ? null : take(e.requestId());
        if (p != null) {
            p.fail(new SignalingException.ServerError(e.code(), "The server's reply could not be read: " + e.getMessage()),
                    callbacks);
        }
    }

    void failAll(List<PendingRequest> pending, SignalingException error) {
        pending.forEach(p -> p.fail(error, callbacks));
    }

    private PendingRequest take(String id) {
        synchronized (lock) {
            return inFlight.remove(id);
        }
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
}
