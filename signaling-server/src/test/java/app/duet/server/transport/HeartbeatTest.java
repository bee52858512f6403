package app.duet.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
    /** Ten ticks per interval. */
    private static final Duration INTERVAL = Heartbeat.TICK.multipliedBy(10);

    private long now;
    private final List<FakePeer> peers = new ArrayList<>();
    private final Heartbeat heartbeat = new Heartbeat(() -> peers, INTERVAL, () -> now);

    @Test
    void pingsAreSpreadOverTheIntervalAndEveryPeerIsPingedOncePerInterval() {
        IntStream.range(0, 100).forEach(slot -> peers.add(new FakePeer(slot)));
        List<Integer> pingedPerTick = new ArrayList<>();
        for (int tick = 0; tick < 10; tick++) {
            int before = totalPings();
            runTick();
            peers.forEach(FakePeer::answer);
            pingedPerTick.add(totalPings() - before);
        }
        assertThat(pingedPerTick).containsOnly(10);
        assertThat(peers).allSatisfy(p -> assertThat(p.pings).isEqualTo(1));
    }

    @Test
    void aPeerThatAnswersStaysAndOneThatIsSilentForOneAndAHalfIntervalsIsDropped() {
        FakePeer answering = new FakePeer(0);
        FakePeer silent = new FakePeer(-7); // any int is a valid slot
        peers.addAll(List.of(answering, silent));
        for (int tick = 0; tick < 15; tick++) {
            runTick();
            answering.answer();
        }
        assertThat(silent.dropped).isFalse();
        assertThat(silent.pings).isPositive();

        runTick();
        runTick();

        assertThat(silent.dropped).isTrue();
        assertThat(answering.dropped).isFalse();
        assertThat(answering.pings).isEqualTo(2);
    }

    private void runTick() {
        now += Heartbeat.TICK.toNanos();
        heartbeat.tick();
    }

    private int totalPings() {
        return peers.stream().mapToInt(p -> p.pings).sum();
    }

    private final class FakePeer implements Heartbeat.Peer {
        private final int slot;
        private long lastHeard = now;
        private int pings;
        private boolean pingUnanswered;
        private boolean dropped;

        FakePeer(int slot) {
            this.slot = slot;
        }

        /** The pong to an outstanding ping arrives. */
        void answer() {
            if (pingUnanswered) {
                lastHeard = now;
                pingUnanswered = false;
            }
        }

        @Override
        public int heartbeatSlot() {
            return slot;
        }

        @Override
        public long lastHeardNanos() {
            return lastHeard;
        }

        @Override
        public void ping() {
            pings++;
            pingUnanswered = true;
        }

        @Override
        public void dropSilent() {
            dropped = true;
        }
    }
}
