package app.duet.server.channels;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Several nodes: what every node does on its timer thread for the calls they share — fires the call timers
 * that are due, whichever node started them (each on one node only), gives a grace period to a call side
 * whose node died (nobody saw its connection close), and stops the grace period of a side that is connected
 * after all (as a resume would).
 */
public final class SharedCallUpkeep {
    /** How often a node looks for due call timers. */
    public static final Duration TIMER_POLL = Duration.ofMillis(250);
    /** As long as presence takes to forget a dead node's connections; a side must be gone at two sweeps. */
    public static final Duration ABANDONED_SWEEP = Duration.ofSeconds(15);

    private final SharedCallBook book;
    private final Consumer<CallTimer> fire;
    private final Consumer<String> sessionGone;
    private final Consumer<Actor> sideBack;

    SharedCallUpkeep(SharedCallBook book, Consumer<CallTimer> fire, Consumer<String> sessionGone,
                     Consumer<Actor> sideBack) {
        this.book = book;
        this.fire = fire;
        this.sessionGone = sessionGone;
        this.sideBack = sideBack;
    }

    /** Runs every {@link #TIMER_POLL}. */
    public void fireDueTimers() {
        book.claimDue().forEach(fire);
    }

    /** Runs every {@link #ABANDONED_SWEEP}. */
    public void sweepAbandonedCalls() {
        SharedCallBook.Swept swept = book.sweep();
        swept.goneSessions().forEach(sessionGone);
        swept.backSides().forEach(sideBack);
    }
}
