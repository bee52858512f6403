package app.duet.bench.relay;

import java.time.Duration;
import java.util.List;

/**
 * How the relay benchmark runs: socket counts (ascending; pairs are added between sizes), the
 * reference rate latency is quoted at and how long it is measured, the rate stepping that
 * finds the sustained rate, and the message mix.
 */
record RelaySettings(RelayMix mix, List<Integer> socketCounts, double referenceRate, Duration referenceMeasure, double startRate,
                     double maxRate, int maxSteps, double p99LimitMs, Duration warmup, Duration measure,
                     Duration drainLimit, Duration setupLimit) {

    static RelaySettings full() {
        return new RelaySettings(RelayMix.CALL_SETUP, List.of(1000, 5000, 10000), 2000, Duration.ofSeconds(10), 4000, 256_000, 7, 50,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(240));
    }

    static RelaySettings quick() {
        return new RelaySettings(RelayMix.CALL_SETUP, List.of(1000), 2000, Duration.ofSeconds(5), 4000, 256_000, 5, 50,
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    /**
     * Only the reference step, at {@code rate} for {@code seconds} after {@code warmupSeconds}: for profiling a
     * server or the driver, or for a burst.
     */
    RelaySettings fixedRate(double rate, int seconds, int warmupSeconds) {
        return new RelaySettings(mix, socketCounts, rate, Duration.ofSeconds(seconds), startRate, maxRate, 0,
                p99LimitMs, Duration.ofSeconds(warmupSeconds), measure, drainLimit, setupLimit);
    }

    RelaySettings withMix(RelayMix newMix) {
        return new RelaySettings(newMix, socketCounts, referenceRate, referenceMeasure, startRate, maxRate, maxSteps,
                p99LimitMs, warmup, measure, drainLimit, setupLimit);
    }

    /** A loaded machine sets up sockets slower: 10k may need more than the default limit. */
    RelaySettings withSetupLimit(Duration limit) {
        return new RelaySettings(mix, socketCounts, referenceRate, referenceMeasure, startRate, maxRate, maxSteps,
                p99LimitMs, warmup, measure, drainLimit, limit);
    }

    RelaySettings withSocketCounts(List<Integer> counts) {
        return new RelaySettings(mix, counts.stream().sorted().toList(), referenceRate, referenceMeasure, startRate,
                maxRate, maxSteps, p99LimitMs, warmup, measure, drainLimit, setupLimit);
    }
}
