package app.duet.bench.soak;

import app.duet.bench.duet.ChannelMembers;
import app.duet.bench.os.MachineInfo;
import app.duet.bench.os.ProcSample;
import app.duet.bench.os.ServerProcess;
import app.duet.bench.relay.PairSetup;
import app.duet.bench.ws.DriverSockets;
import app.duet.protocol.ProtocolCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak itself: sets up the pairs on a running server, then starts calls at a steady rate, each pair
 * again as soon as its previous call (and reconnect) is over and its turn comes, and samples the server
 * once a minute. A pair that stalls is counted and left out; the others go on.
 */
final class SoakRun {
    private static final Logger log = LoggerFactory.getLogger(SoakRun.class);
    private static final String PASSWORD = "soak-password-123";
    /** Pairs set up at once: every sign-up and channel write is an SQLite write (see DuetTarget). */
    private static final int SETUP_CONCURRENCY = 16;
    private static final Duration SETUP_LIMIT = Duration.ofMinutes(10);
    /**
     * A call not over after this long has lost something. Far above the latency seen: on the shared 2 cores,
     * with a load average of 30, the steps of a whole call took over 30 s in all (docs/benchmarks.md).
     */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(120);
    private static final long PACER_TICK_MILLIS = 10;
    private final ServerProcess server;
    private final SoakSettings settings;
    private final SoakTally tally = new SoakTally();
    private final Queue<SoakPair> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inCall = new AtomicInteger();
    private final LongAdder setupRetries = new LongAdder();
    private final PairSetup.Failures setupFailures = new PairSetup.Failures();
    private volatile boolean stopping;
    private double owedCalls;

    SoakRun(ServerProcess server, SoakSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    SoakTally tally() {
        return tally;
    }

    /** Set-up failures and retries, empty when there were none. */
    String setupNote() {
        long retries = setupRetries.sum();
        String retried = retries == 0 ? "" : retries + " set-up requests were answered INTERNAL and sent again";
        String failed = setupFailures.describe();
        return retried.isEmpty() ? failed : failed.isEmpty() ? retried : retried + "; " + failed;
    }

    /** Runs for the settings' minutes and hands each minute's sample to {@code minutes}, the set-up as minute 0. */
    void run(Consumer<MinuteSample> minutes) throws Exception {
        ProtocolCodec codec = new ProtocolCodec();
        try (DriverSockets sockets = new DriverSockets(2)) {
            List<SoakPair> pairs = setUp(sockets, codec);
            pairs.forEach(idle::add);
            log.info("{} pairs ({} sockets) set up; calling at {} calls/s for {} min", pairs.size(), pairs.size() * 2,
                    settings.callsPerSecond(), settings.minutes());
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "soak-pacer");
                thread.setDaemon(true);
                return thread;
            });
            ProcSample before = server.sample();
            minutes.accept(sample(0, tally.takeMinute(), before, before));
            pacer.scheduleAtFixedRate(this::startDueCalls, 0, PACER_TICK_MILLIS, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            for (int minute = 1; minute <= settings.minutes() && server.isAlive(); minute++) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, start + TimeUnit.MINUTES.toNanos(minute) - System.nanoTime()));
                if (minute == settings.minutes()) {
                    stopping = true;
                    awaitCallsOver();
                }
                ProcSample now = server.sample();
                minutes.accept(sample(minute, tally.takeMinute(), before, now));
                before = now;
            }
            pacer.shutdownNow();
            for (SoakPair pair : pairs) {
                pair.close();
            }
        }
    }

    private List<SoakPair> setUp(DriverSockets sockets, ProtocolCodec codec) throws InterruptedException {
        int count = settings.sockets() / 2;
        List<CompletableFuture<SoakPair>> pending = new ArrayList<>(count);
        Semaphore inFlight = new Semaphore(SETUP_CONCURRENCY);
        SoakPair.Reconnector reconnector = session -> {
            try {
                return session.reconnect(sockets, server.port());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            }
        };
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int index = i;
            pending.add(ChannelMembers.create(sockets, codec, server.port(), "soak", i, PASSWORD, setupRetries)
                    .thenApply(members -> new SoakPair(index, members, tally, reconnector, STALL_LIMIT))
                    .whenComplete((pair, error) -> inFlight.release()));
        }
        return PairSetup.collect(pending, setupFailures, SETUP_LIMIT);
    }

    /** Starts the calls due since the last tick, each on the pair that has waited longest. */
    private void startDueCalls() {
        if (stopping) {
            return;
        }
        owedCalls += settings.callsPerSecond() * PACER_TICK_MILLIS / 1000.0;
        while (owedCalls >= 1) {
            SoakPair pair = idle.poll();
            if (pair == null) {
                owedCalls = 0; // every pair is in a call: calls not made now are not made up later in a burst
                return;
            }
            owedCalls--;
            inCall.incrementAndGet();
            pair.call().whenComplete((done, error) -> {
                inCall.decrementAndGet();
                if (!pair.stalled()) {
                    idle.add(pair);
                }
            });
        }
    }

    /** Lets the calls under way finish (a stalled one gives up by itself after the stall limit). */
    private void awaitCallsOver() throws InterruptedException {
        long until = System.nanoTime() + STALL_LIMIT.plusSeconds(5).toNanos();
        while (inCall.get() > 0 && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private MinuteSample sample(int minute, SoakTally.Counts counts, ProcSample before, ProcSample now) {
        Histogram latency = counts.latency();
        boolean any = latency.getTotalCount() > 0;
        return new MinuteSample(minute, counts.cycles(), counts.messages(), counts.lost(), counts.misrouted(),
                counts.reconnects(), counts.stalled(), counts.dropped(), any ? latency.getValueAtPercentile(50) / 1000.0 : 0,
                any ? latency.getValueAtPercentile(99) / 1000.0 : 0, any ? latency.getMaxValue() / 1000.0 : 0,
                now.rssMb(), server.openFiles(), now.threads(), now.cpuPercentSince(before),
                MachineInfo.loadAverage());
    }
}
