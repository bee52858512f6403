package app.duet.server.channels;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Several nodes: what every node does on its timer thread for the calls they share — fires the call timers
 * that are due, whichever node started them (each on one node only), and gives a grace period to a call side
 * whose node died (nobody saw its connection close).
 */
public final class SharedCallUpkeep {
    /** How often a node looks for due call timers. */
    public static final Duration TIMER_POLL = Duration.ofMillis(250);
    /** As long as presence takes to forget a dead node's connections; a side must be gone at two sweeps. */
    public static final Duration ABANDONED_SWEEP = Duration.ofSeconds(15);

    private final SharedCallBook book;
    private final Consumer<CallTimer> fire;
    private final Consumer<String> sessionGone;

    SharedCallUpkeep(SharedCallBook book, Consumer<CallTimer> fire, Consumer<String> sessionGone) {
        this.book = book;
        this.fire = fire;
        this.sessionGone = sessionGone;
    }

    /** Runs every {@link #TIMER_POLL}. */
    public void fireDueTimers() {
        book.claimDue().forEach(fire);
    }

    /** Runs every {@link #ABANDONED_SWEEP}. */
    public void sweepAbandonedCalls() {
        book.abandonedSessions().forEach(sessionGone);
    }
}
