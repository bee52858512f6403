package app.duet.client.signaling;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps one connection's sending within the protocol's rate (20 messages a second on average, with a burst:
 * docs/protocol.md). Frames over the budget wait their turn, in order, instead of being refused by the
 * server's flood guard: a call that starts with a ring, an offer and a dozen candidates, or several calls in
 * a row, would otherwise lose candidates and never connect.
 */
final class OutboundPacer {
    /** A little under the server's 20 a second and burst of 60, so clock and timing jitter never tip us over. */
    static final double RATE_PER_SECOND = 18;
    static final int BURST = 50;

    private final ScheduledExecutorService timer;
    private final LongSupplier nanoTime;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private double tokens = BURST;
    private long refilledAt;
    private boolean drainScheduled;

    OutboundPacer(ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * Runs {@code send} now if the budget allows and nothing waits before it, else once it does. Sends run
     * under the pacer's lock, so they reach the socket in the order they came; a send only queues a frame.
     */
    synchronized void send(Runnable send) {
        refill();
        if (!waiting.isEmpty() || tokens < 1) {
            waiting.add(send);
            scheduleDrain();
            return;
        }
        tokens--;
        send.run();
    }

    private synchronized void drain() {
        drainScheduled = false;
        refill();
        while (!waiting.isEmpty() && tokens >= 1) {
            tokens--;
            waiting.poll().run();
        }
        if (!waiting.isEmpty()) {
            scheduleDrain();
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(BURST, tokens + (now - refilledAt) * RATE_PER_SECOND / 1e9);
        refilledAt = now;
    }

    private void scheduleDrain() {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        long waitNanos = (long) Math.ceil((1 - tokens) * 1e9 / RATE_PER_SECOND);
        timer.schedule(this::drain, Math.max(waitNanos, 0), TimeUnit.NANOSECONDS);
    }
}
