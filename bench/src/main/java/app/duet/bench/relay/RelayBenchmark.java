package app.duet.bench.relay;

import app.duet.bench.ws.DriverSockets;
import app.duet.bench.os.JfrControl;
import app.duet.bench.os.ProcSample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one server through every socket count: adds pairs up to the count, reads the idle
 * footprint, measures latency at the reference rate, then steps the rate up.
 */
final class RelayBenchmark {
    private static final Logger log = LoggerFactory.getLogger(RelayBenchmark.class);
    private final RelaySettings settings;
    private final Path profileDir;

    /** {@code profileDir}: where to write a JFR profile of the Duet server's reference step, or null. */
    RelayBenchmark(RelaySettings settings, Path profileDir) {
        this.settings = settings;
        this.profileDir = profileDir;
    }

    List<SizeResult> run(RelayTarget target) throws Exception {
        List<SizeResult> results = new ArrayList<>();
        target.start();
        try (DriverSockets sockets = new DriverSockets(2); RelayLoad load = new RelayLoad(target, settings.mix())) {
            int pairs = 0;
            int nextIndex = 0;
            for (int size : settings.socketCounts()) {
                int wanted = size / 2;
                String label = target.name() + " @ " + size + " sockets";
                log.info("{}: opening {} more pairs", label, wanted - pairs);
                long setupStart = System.nanoTime();
                long setupDeadline = setupStart + settings.setupLimit().toNanos();
                List<RelayPair> added = target.connect(sockets, nextIndex, wanted - pairs, setupDeadline);
                nextIndex += wanted - pairs; // indices of failed pairs are not reused: their accounts may exist
                load.add(added);
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                pairs += added.size();
                String note = target.setupNote();
                boolean outOfTime = System.nanoTime() > setupDeadline;
                if (pairs < wanted && outOfTime) {
                    log.warn("{}: only {} of {} sockets were set up within {} s", label, pairs * 2, size,
                            settings.setupLimit().toSeconds());
                    note = (note.isEmpty() ? "" : note + "; ") + "only " + pairs * 2 + " of " + size
                            + " sockets could be set up within the " + settings.setupLimit().toSeconds()
                            + " s set-up limit, so larger sizes were skipped";
                }

                ProcSample idleStart = target.sample();
                TimeUnit.SECONDS.sleep(2);
                ProcSample idleEnd = target.sample();
                log.info("{}: set up in {} s, idle RSS {} MB", label, Math.round(setupSeconds),
                        Math.round(idleEnd.rssMb()));

                if (results.isEmpty()) {
                    // Both JITs (driver and server) compile the hot paths here, not during the first measurement.
                    log.info("{}: warming up at {} msg/s for {} s", label, Math.round(settings.referenceRate()),
                            settings.referenceMeasure().toSeconds());
                    load.run(settings.referenceRate(), Duration.ZERO, settings.referenceMeasure(), settings.drainLimit());
                }
                boolean profiling = profileDir != null && target.name().equals("Duet");
                if (profiling) {
                    JfrControl.start(target.server().pid());
                }
                StepResult reference = load.run(settings.referenceRate(), settings.warmup(),
                        settings.referenceMeasure(), settings.drainLimit());
                if (profiling) {
                    Path file = profileDir.resolve("duet-server-" + size + ".jfr");
                    JfrControl.stop(target.server().pid(), file);
                    log.info("{}: server profile of the reference step in {}", label, file);
                }
                List<StepResult> steps = new RateStepper(settings).step(load, label);
                results.add(new SizeResult(target.name(), load.sockets(), setupSeconds, idleEnd.rssMb(),
                        idleEnd.cpuPercentSince(idleStart), reference, steps,
                        RateStepper.sustainedRate(steps, settings.p99LimitMs()), note));
                if (pairs < wanted && outOfTime) {
                    break;
                }
                if (!target.alive()) {
                    log.warn("{} exited during the run; stopping it here", target.name());
                    break;
                }
            }
        } finally {
            target.close();
        }
        return results;
    }
}
