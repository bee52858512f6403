package app.duet.server.transport;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Closes connections that stay unauthenticated (no hello, or no signup/login/resume after it) for longer
 * than the timeout after they opened or their session ended. Without it a connection that answers pings
 * but never logs in stays open forever; the per-address connection cap bounds that, but not for exempt
 * addresses (this machine, or every client behind a proxy that is not configured as trusted).
 */
final class AuthDeadline {
    /** What the deadline needs of a connection. */
    interface Peer {
        boolean authenticated();

        /** {@link System#nanoTime()} when it opened or its session last ended. */
        long unauthenticatedSinceNanos();

        /** Closes it with {@code Protocol.CLOSE_AUTH_TIMEOUT}; nothing if it is closing already. */
        void closeUnauthenticated();
    }

    private final Supplier<? extends Collection<? extends Peer>> peers;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;

    AuthDeadline(Supplier<? extends Collection<? extends Peer>> peers, Duration timeout, LongSupplier nanoTime) {
        this.peers = peers;
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Called every {@link Heartbeat#TICK} by one thread, so a connection is closed at most a tick late. */
    void tick() {
        long now = nanoTime.getAsLong();
        for (Peer p : peers.get()) {
            if (!p.authenticated() && now - p.unauthenticatedSinceNanos() > timeoutNanos) {
                p.closeUnauthenticated();
            }
        }
    }
}
