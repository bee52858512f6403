package app.duet.server.ops;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The one shape of Duet's latency histograms, so every duration on /metrics can be read on one scale: seconds,
 * classic buckets from 50 µs (a relayed message) to 10 s (a login on a loaded node), no native buckets and no
 * exemplars (each would add work to every observation on the relay's hot path; docs/decisions/0012).
 */
public final class Latency {
    private static final double[] BUCKETS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
    private static final double NANOS_PER_SECOND = 1e9;

    private Latency() {
    }

    /** A histogram builder with Duet's buckets; {@code name} ends in {@code _seconds}. */
    public static Histogram.Builder histogram(String name, String help) {
        return Histogram.builder().name(name).help(help).unit(Unit.SECONDS)
                .classicOnly().classicUpperBounds(BUCKETS).withoutExemplars();
    }

    /** Nanoseconds (from {@link System#nanoTime()} differences) as the seconds a histogram observes. */
    public static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }
}
