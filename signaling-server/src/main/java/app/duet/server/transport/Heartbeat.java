package app.duet.server.transport;

import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pings every connection once per interval and drops the ones not heard from (any frame, ping or pong)
 * for one and a half intervals. Each connection has a fixed slot among the ticks of an interval, so the
 * pings are spread over it. Java-WebSocket's own checker pings every connection in one sweep: at 10k
 * sockets that burst of 10k pings and 10k pongs held relayed messages back by up to 2 s once per
 * interval (docs/benchmarks.md, "Relay: the heartbeat sweep").
 */
final class Heartbeat {
    /** How often a slice of the connections is pinged. */
    static final Duration TICK = Duration.ofMillis(500);

    /** What the heartbeat needs of a connection. */
    interface Peer {
        /** Which tick of each interval pings this connection; any int, taken modulo the ticks per interval. */
        int heartbeatSlot();

        /** {@link System#nanoTime()} when a frame last came from the peer. */
        long lastHeardNanos();

        void ping();

        /** The peer stopped answering: drop the connection without a closing handshake. */
        void dropSilent();
    }

    private final Supplier<? extends Collection<? extends Peer>> peers;
    private final long silentLimitNanos;
    private final int ticksPerInterval;
    private final LongSupplier nanoTime;
    private long tick;

    Heartbeat(Supplier<? extends Collection<? extends Peer>> peers, Duration interval, LongSupplier nanoTime) {
        this.peers = peers;
        this.silentLimitNanos = interval.toNanos() * 3 / 2;
        this.ticksPerInterval = (int) Math.max(1, interval.toMillis() / TICK.toMillis());
        this.nanoTime = nanoTime;
    }

    /** Called every {@link #TICK} by one thread. */
    void tick() {
        long now = nanoTime.getAsLong();
        int slot = (int) (tick++ % ticksPerInterval);
        for (Peer p : peers.get()) {
            if (now - p.lastHeardNanos() > silentLimitNanos) {
                p.dropSilent();
            } else if (Math.floorMod(p.heartbeatSlot(), ticksPerInterval) == slot) {
                p.ping();
            }
        }
    }
}
