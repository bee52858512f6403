package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class ParkedCallEventsTest {

    private final ParkedCallEvents parked = new ParkedCallEvents();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private boolean event(String callId, String name, boolean ringUnanswered) {
        return parked.park(callId, () -> ran.add(name), ringUnanswered);
    }

    @Test
    void nothing_waits_when_no_ring_is_unanswered() {
        assertThat(event("c1", "offer", false)).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void events_for_our_ring_replay_in_order_and_others_are_dropped() {
        assertThat(event("c1", "accepted", true)).isTrue();
        assertThat(event("other", "stray", true)).isTrue();
        assertThat(event("c1", "offer", true)).isTrue();

        parked.startReplay("c1");
        parked.replay("c1");

        assertThat(ran).containsExactly("accepted", "offer");
        assertThat(event("c1", "candidate", false)).as("replay over: run at once").isFalse();
    }

    @Test
    void events_arriving_during_the_replay_queue_behind_the_parked_ones() {
        event("c1", "accepted", true);
        parked.park("c1", () -> {
            ran.add("offer");
            event("c1", "candidate", false); // arrives while the replay runs
        }, true);

        parked.startReplay("c1");
        parked.replay("c1");

        assertThat(ran).containsExactly("accepted", "offer", "candidate");
    }

    @Test
    void at_most_the_limit_waits_and_clear_forgets_them() {
        for (int i = 0; i < ParkedCallEvents.MAX_PARKED_EVENTS + 5; i++) {
            assertThat(event("c1", "e" + i, true)).isTrue();
        }
        parked.startReplay("c1");
        parked.replay("c1");
        assertThat(ran).hasSize(ParkedCallEvents.MAX_PARKED_EVENTS).startsWith("e0").endsWith("e63");

        ran.clear();
        event("c2", "late", true);
        parked.clear();
        parked.startReplay("c2");
        parked.replay("c2");
        assertThat(ran).isEmpty();
    }
}
