package app.duet.client.call;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call events that outran the reply to our ring: the server may send {@code call_accepted}, {@code offer}
 * or {@code call_declined} before the reply that tells us the call's id, which is handled on the engine's
 * worker. They wait here (bounded) and replay in order once the id is known; events that arrive during the
 * replay queue behind the parked ones. Never calls out while holding its lock.
 */
final class ParkedCallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedCallEvents.class);

    /** At most this many events wait for a call id. */
    static final int MAX_PARKED_EVENTS = 64;

    private record ParkedEvent(String callId, Runnable apply) {
    }

    private final List<ParkedEvent> parked = new ArrayList<>(); // guarded by this
    private String replayingCallId; // guarded by this

    /**
     * Parks {@code apply} while {@code ringUnanswered} or while events for {@code callId} are replaying;
     * false means nothing waits and the caller runs it now.
     */
    synchronized boolean park(String callId, Runnable apply, boolean ringUnanswered) {
        if (!ringUnanswered && !callId.equals(replayingCallId)) {
            return false;
        }
        if (parked.size() < MAX_PARKED_EVENTS) {
            parked.add(new ParkedEvent(callId, apply));
        } else {
            LOG.warn("Dropped an event for call {}: too many arrived before our ring was answered", callId);
        }
        return true;
    }

    /** The ring's call id is known: its events queue until {@link #replay} has run them all. */
    synchronized void startReplay(String callId) {
        replayingCallId = callId;
    }

    /** Runs the events parked for {@code callId} in order, then those that arrived meanwhile; drops the rest. */
    void replay(String callId) {
        while (true) {
            List<Runnable> batch = new ArrayList<>();
            synchronized (this) {
                for (ParkedEvent e : parked) {
                    if (e.callId().equals(callId)) {
                        batch.add(e.apply());
                    }
                }
                parked.clear(); // events for other ids belong to no call of ours
                if (batch.isEmpty()) {
                    replayingCallId = null;
                    return;
                }
            }
            batch.forEach(Runnable::run);
        }
    }

    /** Our ring ended before its id was known: nothing parked belongs to a call of ours. */
    synchronized void clear() {
        parked.clear();
    }
}
