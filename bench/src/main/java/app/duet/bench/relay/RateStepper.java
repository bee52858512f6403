package app.duet.bench.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the highest sustained rate: doubles the rate while steps pass, then bisects between the last
 * passing and the first failing rate until they are within 15 %, for at most {@code maxSteps} steps.
 */
final class RateStepper {
    private static final Logger log = LoggerFactory.getLogger(RateStepper.class);
    private static final double RESOLUTION = 0.15;
    private final RelaySettings settings;

    RateStepper(RelaySettings settings) {
        this.settings = settings;
    }

    /** The steps run, in order; the sustained rate is the highest passing one (0 if none passed). */
    List<StepResult> step(RelayLoad load, String label) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        double lastPass = 0;
        double firstFail = Double.POSITIVE_INFINITY;
        double rate = settings.startRate();
        for (int i = 0; i < settings.maxSteps() && rate <= settings.maxRate(); i++) {
            StepResult result = load.run(rate, settings.warmup(), settings.measure(), settings.drainLimit());
            steps.add(result);
            boolean passed = result.sustained(settings.p99LimitMs());
            log.info("{}: {} msg/s -> p50 {} ms, p99 {} ms, delivered {}/{}, server CPU {}% -> {}", label,
                    Math.round(rate), fmt(result.percentileMs(50)), fmt(result.percentileMs(99)), result.delivered(),
                    result.sent(), Math.round(result.serverCpuPercent()), passed ? "pass" : "FAIL");
            if (passed) {
                lastPass = rate;
            } else {
                firstFail = rate;
                // Let a server that fell behind empty its queues before the next step.
                TimeUnit.SECONDS.sleep(3);
            }
            if (firstFail - lastPass <= RESOLUTION * Math.max(lastPass, 1) || result.closedSockets() > 0) {
                break;
            }
            double next = Double.isInfinite(firstFail) ? rate * 2 : roundRate((lastPass + firstFail) / 2);
            if (next <= lastPass || next >= firstFail || next < 100) {
                break;
            }
            rate = next;
        }
        return steps;
    }

    static double sustainedRate(List<StepResult> steps, double p99LimitMs) {
        return steps.stream().filter(s -> s.sustained(p99LimitMs)).mapToDouble(StepResult::rate).max().orElse(0);
    }

    private static double roundRate(double rate) {
        return rate < 2000 ? Math.round(rate / 50.0) * 50.0 : Math.round(rate / 250.0) * 250.0;
    }

    private static String fmt(double ms) {
        return String.format(java.util.Locale.ROOT, "%.2f", ms);
    }
}
