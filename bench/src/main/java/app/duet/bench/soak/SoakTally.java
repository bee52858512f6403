package app.duet.bench.soak;

import app.duet.bench.relay.LatencyStamp;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the soak counts, shared by every pair: relayed messages that arrived (and their latency from the
 * stamp they carry), messages lost or delivered to the wrong socket, finished cycles and reconnects.
 * {@link #takeMinute} hands out the counts since the last call, so each minute is reported on its own.
 */
final class SoakTally {
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);
    private final long epoch = System.nanoTime();
    private final Recorder latency = new Recorder(MAX_LATENCY_MICROS, 3);
    private final LongAdder messages = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder cycles = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder stalled = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Totals taken = new Totals();

    /** Counts since the previous {@link #takeMinute}, and the relay latency (µs) of the messages among them. */
    record Counts(long messages, long lost, long misrouted, long cycles, long reconnects, long stalled,
                  long dropped, Histogram latency) {
    }

    /** Running totals at the previous take, to turn the adders into per-minute differences. */
    private static final class Totals {
        long messages;
        long lost;
        long misrouted;
        long cycles;
        long reconnects;
        long stalled;
        long dropped;
    }

    /** The current time as a stamp to put into a relayed message. */
    String stampNow() {
        return LatencyStamp.format(System.nanoTime() - epoch);
    }

    /** A relayed message arrived where it belonged. */
    void delivered(String body) {
        messages.increment();
        long stamp = LatencyStamp.read(body);
        if (stamp >= 0) {
            long micros = (System.nanoTime() - epoch - stamp) / 1000;
            latency.recordValue(Math.max(1, Math.min(micros, MAX_LATENCY_MICROS)));
        }
    }

    void lost(long count) {
        lost.add(count);
    }

    void misrouted() {
        misrouted.increment();
    }

    void cycleDone() {
        cycles.increment();
    }

    void reconnected() {
        reconnects.increment();
    }

    /** A pair stopped making progress; it is left out of the rest of the run. */
    void stalled() {
        stalled.increment();
    }

    /** A connection ended that the driver did not end: the server closed or dropped it. */
    void dropped() {
        dropped.increment();
    }

    /** An event about one of the pair's own calls that came when the pair did not wait for it. */
    void unexpected() {
        unexpected.increment();
    }

    long totalUnexpected() {
        return unexpected.sum();
    }

    long totalMisrouted() {
        return misrouted.sum();
    }

    long totalStalled() {
        return stalled.sum();
    }

    synchronized Counts takeMinute() {
        Histogram interval = latency.getIntervalHistogram();
        Counts counts = new Counts(messages.sum() - taken.messages, lost.sum() - taken.lost,
                misrouted.sum() - taken.misrouted, cycles.sum() - taken.cycles, reconnects.sum() - taken.reconnects,
                stalled.sum() - taken.stalled, dropped.sum() - taken.dropped, interval);
        taken.messages += counts.messages();
        taken.lost += counts.lost();
        taken.misrouted += counts.misrouted();
        taken.cycles += counts.cycles();
        taken.reconnects += counts.reconnects();
        taken.stalled += counts.stalled();
        taken.dropped += counts.dropped();
        return counts;
    }
}
