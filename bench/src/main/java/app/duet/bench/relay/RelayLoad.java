package app.duet.bench.relay;

import app.duet.bench.WorstBySecond;
import app.duet.bench.os.ProcSample;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives signaling-sized messages between the pairs at a fixed total rate and measures the relay.
 * Message n goes to pair n mod P, alternately from caller and callee; the {@link RelayMix} says how many of
 * a pair's messages are offers and answers (~4 KB SDP) and how many ICE candidates (~200 B). Each message
 * carries its intended send time, so lateness anywhere counts, and its sender and sequence number, so a
 * message delivered to the wrong socket or ahead of an earlier one from the same sender is counted.
 */
final class RelayLoad implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayLoad.class);
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);
    /** Seconds of a step's measurement whose worst latency is logged one by one (pauses show as spikes). */
    private static final int TIMELINE_SECONDS = 120;
    private final RelayTarget target;
    private final RelayMix mix;
    private final List<RelayPair> pairs = new CopyOnWriteArrayList<>();
    private final long epoch = System.nanoTime();
    private final Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    /** Messages of the current step that arrived; stragglers of earlier steps are counted apart. */
    private final LongAdder delivered = new LongAdder();
    private final LongAdder deliveredEver = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder misrouted = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService pacer = Executors.newSingleThreadExecutor(r -> daemon(r, "relay-pacer"));
    private final ScheduledExecutorService keepAlive =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "relay-keepalive"));
    private volatile long measureFromStamp = Long.MAX_VALUE;
    /** Worst latency (µs) of the messages meant to leave in each second of the measurement. */
    private volatile WorstBySecond worstBySecond = new WorstBySecond(TIMELINE_SECONDS);
    private volatile long stepFromStamp;
    private long keepAliveTick;

    RelayLoad(RelayTarget target, RelayMix mix) {
        this.target = target;
        this.mix = mix;
        if (target.keepAliveMessage() != null) {
            keepAlive.scheduleAtFixedRate(this::sendKeepAlives, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Takes over the pairs' incoming messages and includes them in the load. */
    void add(List<RelayPair> newPairs) {
        for (RelayPair pair : newPairs) {
            // Each socket hears only its peer: the last sequence number it got is that sender's.
            AtomicLong lastAtCaller = new AtomicLong(-1);
            AtomicLong lastAtCallee = new AtomicLong(-1);
            pair.caller().onMessage(text -> onMessage(text, pair.index(), false, lastAtCaller));
            pair.callee().onMessage(text -> onMessage(text, pair.index(), true, lastAtCallee));
        }
        pairs.addAll(newPairs);
    }

    int sockets() {
        return pairs.size() * 2;
    }

    /**
     * Sends at {@code rate} messages per second for warm-up plus measurement, then waits up to
     * {@code drainLimit} for stragglers. Latency counts only messages meant to leave after warm-up.
     */
    StepResult run(double rate, Duration warmup, Duration measure, Duration drainLimit) throws Exception {
        awaitDelivered(sequence.get(), drainLimit);
        long sentBefore = sequence.get();
        long deliveredBefore = delivered.sum();
        long errorsBefore = errors.sum();
        long misroutedBefore = misrouted.sum();
        long outOfOrderBefore = outOfOrder.sum();
        // The driver collects its own garbage between steps: a ZGC cycle inside one (its concurrent mark takes
        // over a second with 10k sockets' buffers live) slowed the driver's threads on the 2 shared cores and
        // showed up as relay latency, for both servers at the same seconds (docs/benchmarks.md, session 6).
        System.gc();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        stepFromStamp = start - epoch;
        long measureFrom = start + warmup.toNanos();
        long total = (long) (rate * (warmup.toNanos() + measure.toNanos()) / 1e9);
        measureFromStamp = measureFrom - epoch;
        recorder.reset();
        worstBySecond = new WorstBySecond(TIMELINE_SECONDS);
        Future<?> pacing = pacer.submit(() -> pace(rate, start, total));

        LockSupport.parkNanos(Math.max(0, measureFrom - System.nanoTime()));
        LocalTime measuredAt = LocalTime.now();
        ProcSample serverBefore = target.sample();
        ProcSample driverBefore = ProcSample.self();
        Optional<ProcSample> sharedBefore = target.sharedServiceSample();
        pacing.get(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS);
        ProcSample serverAfter = target.sample();
        ProcSample driverAfter = ProcSample.self();
        double sharedCpu = sharedBefore.flatMap(before -> target.sharedServiceSample().map(after ->
                after.cpuPercentSince(before))).orElse(Double.NaN);

        long sent = sequence.get() - sentBefore;
        awaitDelivered(sequence.get(), drainLimit);
        Histogram latency = recorder.getIntervalHistogram();
        logTimeline(rate, measure, measuredAt);
        measureFromStamp = Long.MAX_VALUE;
        int closed = (int) pairs.stream().filter(p -> !p.caller().isOpen() || !p.callee().isOpen()).count();
        return new StepResult(rate, sent, delivered.sum() - deliveredBefore, errors.sum() - errorsBefore, closed,
                misrouted.sum() - misroutedBefore, outOfOrder.sum() - outOfOrderBefore, latency,
                serverAfter.cpuPercentSince(serverBefore), serverAfter.rssMb(), driverAfter.cpuPercentSince(driverBefore),
                sharedCpu);
    }

    /** Waits (at most {@code limit}) until every message sent so far, of any step, has arrived. */
    private void awaitDelivered(long sentSoFar, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (deliveredEver.sum() < sentSoFar && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private void pace(double rate, long start, long total) {
        double intervalNanos = 1e9 / rate;
        List<RelayPair> snapshot = List.copyOf(pairs);
        int pairCount = snapshot.size();
        for (long n = 0; n < total; ) {
            long now = System.nanoTime();
            long due = Math.min(total, (long) ((now - start) / intervalNanos) + 1);
            if (n >= due) {
                // Sleep until message n is due rather than polling: a polling pacer costs the driver a core.
                LockSupport.parkNanos(start + (long) (n * intervalNanos) - now);
                continue;
            }
            for (; n < due; n++) {
                long intended = start + (long) (n * intervalNanos);
                long seq = sequence.getAndIncrement();
                RelayPair pair = snapshot.get((int) (seq % pairCount));
                // Each pair is at its own point of the mix's cycle, so offers are spread evenly over time:
                // when all pairs were in step, every cycle brought a burst of only 4 KB messages.
                long phase = (seq / pairCount + pair.index()) % mix.cycle();
                boolean fromCaller = phase % 2 == 0;
                String stamp = LatencyStamp.format(intended - epoch, pair.index(), fromCaller, seq);
                String text = mix.isSdp(phase)
                        ? target.sdpMessage(pair, fromCaller, stamp)
                        : target.candidateMessage(pair, fromCaller, stamp);
                pair.from(fromCaller).send(text);
            }
        }
    }

    private void onMessage(String text, int pairIndex, boolean fromCaller, AtomicLong lastSequence) {
        int at = LatencyStamp.find(text);
        long stamp = at < 0 ? -1 : LatencyStamp.read(text);
        if (stamp < 0) {
            if (target.onUnstamped(text)) {
                errors.increment();
            }
            return;
        }
        if (LatencyStamp.pair(text, at) != pairIndex || LatencyStamp.fromCaller(text, at) != fromCaller) {
            misrouted.increment();
        }
        long sequence = LatencyStamp.sequence(text, at);
        if (lastSequence.getAndSet(sequence) > sequence) {
            outOfOrder.increment();
        }
        deliveredEver.increment();
        if (stamp >= stepFromStamp) {
            delivered.increment();
        }
        long measuredFrom = measureFromStamp;
        if (stamp >= measuredFrom) {
            long micros = (System.nanoTime() - epoch - stamp) / 1000;
            recorder.recordValue(Math.max(1, Math.min(micros, MAX_LATENCY_MICROS)));
            worstBySecond.record((stamp - measuredFrom) / 1_000_000_000L, micros);
        }
    }

    /** One line per step: the worst latency in each second, so periodic stalls (GC, a ping sweep) show. */
    private void logTimeline(double rate, Duration measure, LocalTime from) {
        String line = worstBySecond.line(measure.toSeconds(), 1000.0);
        // The start time lines the seconds up with other logs, e.g. the server's GC log.
        log.info("{} msg/s: worst latency (ms) in each second of the measurement from {}: {}", Math.round(rate),
                from.truncatedTo(ChronoUnit.MILLIS), line);
    }

    /** Every socket sends one keep-alive per period, spread over the period one slice a second. */
    private void sendKeepAlives() {
        long slices = Math.max(1, target.keepAlivePeriod().toSeconds());
        long slice = keepAliveTick++ % slices;
        String message = target.keepAliveMessage();
        for (RelayPair pair : pairs) {
            if (pair.index() % slices == slice) {
                pair.caller().send(message);
                pair.callee().send(message);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        keepAlive.shutdownNow();
        pacer.shutdownNow();
        for (RelayPair pair : pairs) {
            pair.caller().close();
            pair.callee().close();
        }
        keepAlive.awaitTermination(5, TimeUnit.SECONDS);
        pacer.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
