package app.duet.client.signaling;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import app.duet.protocol.Protocol;

/**
 * When and how the {@link Connector} connects again after its socket closed: the state to show meanwhile, and the
 * wait — the configured backoff after a drop, a long one after the server refused us, or the server's own hint
 * when it shut down. Part of the connector's state: every method is called under the connector's lock.
 */
final class Redial {
    /**
     * The wait after a 4029 refusal: retrying sooner only adds to the load that made the server refuse us
     * (the protocol asks for a long backoff). "Retry now" still works at once.
     */
    static final Backoff REFUSED_BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10),
            () -> ThreadLocalRandom.current().nextDouble());
    /** Extra random wait after a server_shutdown hint, so clients do not all return in the same millisecond. */
    static final long SHUTDOWN_JITTER_MS = 1_000;

    /**
     * What follows a closed socket: the state until the next attempt, which is due in {@code delayMs}, or
     * only when a request needs one ({@link #ON_DEMAND}).
     */
    record Plan(ConnectionState next, boolean refused, long delayMs) {
        boolean scheduled() {
            return delayMs != ON_DEMAND;
        }
    }

    static final long ON_DEMAND = -1;

    private final ScheduledExecutorService timer;
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

    Redial(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A new socket is about to open. */
    void opening() {
        refusalAnnounced = false;
    }

    /** The server said, before our greeting was answered, that it refuses this connection. */
    void refusalAnnounced() {
        refusalAnnounced = true;
    }

    /** A socket got through its handshake: the next drop starts the backoffs over and reconnects quietly. */
    void connected() {
        everConnected = true;
        attempt = 0;
        refusals = 0;
    }

    /** Another server: start over, as if never connected. */
    void serverChanged() {
        everConnected = false;
        attempt = 0;
        refusals = 0;
        cancel();
    }

    /** The server said it is shutting down and when to come back; the next drop waits that long. */
    void shutdownHint(long reconnectAfterMs) {
        shutdownHintMs = reconnectAfterMs;
    }

    /** Drops the scheduled attempt, if any (the caller connects now, or not at all). */
    void cancel() {
        if (retryTask != null) {
            retryTask.cancel(false);
        }
    }

    /** The scheduled attempt is running. */
    void due() {
        retryTask = null;
    }

    /** The socket closed with {@code closeCode}: schedules {@code reconnect} and says what to show until then. */
    Plan closed(int closeCode, Backoff backoff, Runnable reconnect) {
        boolean refused = closeCode == Protocol.CLOSE_TOO_MANY_CONNECTIONS || refusalAnnounced;
        if (closeCode == Protocol.CLOSE_AUTH_TIMEOUT && !refused) {
            return new Plan(ConnectionState.IDLE, false, ON_DEMAND);
        }
        ConnectionState next = refused ? ConnectionState.REFUSED
                : everConnected ? ConnectionState.RECONNECTING : ConnectionState.OFFLINE;
        long delayMs = refused ? REFUSED_BACKOFF.delay(refusals++).toMillis() : nextDelay(backoff);
        retryTask = timer.schedule(reconnect, delayMs, TimeUnit.MILLISECONDS);
        return new Plan(next, refused, delayMs);
    }

    private long nextDelay(Backoff backoff) {
        if (shutdownHintMs != null) {
            long hint = shutdownHintMs + ThreadLocalRandom.current().nextLong(SHUTDOWN_JITTER_MS);
            shutdownHintMs = null;
            return hint;
        }
        Duration delay = backoff.delay(attempt);
        attempt++;
        return delay.toMillis();
    }
}
