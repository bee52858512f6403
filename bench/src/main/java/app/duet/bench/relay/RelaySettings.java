package app.duet.bench.relay;

import java.time.Duration;
import java.util.List;

/**
 * How the relay benchmark runs: socket counts (ascending; pairs are added between sizes), the
 * reference rate latency is quoted at and how long it is measured, and the rate stepping that
 * finds the sustained rate.
 */
record RelaySettings(List<Integer> socketCounts, double referenceRate, Duration referenceMeasure, double startRate,
                     double maxRate, int maxSteps, double p99LimitMs, Duration warmup, Duration measure,
                     Duration drainLimit, Duration setupLimit) {

    static RelaySettings full() {
        return new RelaySettings(List.of(1000, 5000, 10000), 2000, Duration.ofSeconds(10), 4000, 256_000, 7, 50,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(240));
    }

    static RelaySettings quick() {
        return new RelaySettings(List.of(1000), 2000, Duration.ofSeconds(5), 4000, 256_000, 5, 50,
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    /** Only the reference step, at {@code rate} for {@code seconds}: for profiling a server or the driver. */
    RelaySettings fixedRate(double rate, int seconds) {
        return new RelaySettings(socketCounts, rate, Duration.ofSeconds(seconds), startRate, maxRate, 0, p99LimitMs,
                warmup, measure, drainLimit, setupLimit);
    }

    RelaySettings withSocketCounts(List<Integer> counts) {
        return new RelaySettings(counts.stream().sorted().toList(), referenceRate, referenceMeasure, startRate,
                maxRate, maxSteps, p99LimitMs, warmup, measure, drainLimit, setupLimit);
    }
}
