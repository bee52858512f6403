package app.duet.bench.relay;

import app.duet.bench.ws.DriverSockets;
import app.duet.bench.os.ProcSample;
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

    RelayBenchmark(RelaySettings settings) {
        this.settings = settings;
    }

    List<SizeResult> run(RelayTarget target) throws Exception {
        List<SizeResult> results = new ArrayList<>();
        target.start();
        try (DriverSockets sockets = new DriverSockets(2); RelayLoad load = new RelayLoad(target)) {
            int pairs = 0;
            for (int size : settings.socketCounts()) {
                int wanted = size / 2;
                String label = target.name() + " @ " + size + " sockets";
                log.info("{}: opening {} more pairs", label, wanted - pairs);
                long setupStart = System.nanoTime();
                load.add(target.connect(sockets, pairs, wanted - pairs));
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                pairs = wanted;

                ProcSample idleStart = target.server().sample();
                TimeUnit.SECONDS.sleep(2);
                ProcSample idleEnd = target.server().sample();
                log.info("{}: set up in {} s, idle RSS {} MB", label, Math.round(setupSeconds),
                        Math.round(idleEnd.rssMb()));

                StepResult reference = load.run(settings.referenceRate(), settings.warmup(),
                        settings.referenceMeasure(), settings.drainLimit());
                List<StepResult> steps = new RateStepper(settings).step(load, label);
                results.add(new SizeResult(target.name(), load.sockets(), setupSeconds, idleEnd.rssMb(),
                        idleEnd.cpuPercentSince(idleStart), reference, steps,
                        RateStepper.sustainedRate(steps, settings.p99LimitMs()), target.setupNote()));
                if (!target.server().isAlive()) {
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
