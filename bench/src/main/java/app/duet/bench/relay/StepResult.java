package app.duet.bench.relay;

import org.HdrHistogram.Histogram;

/**
 * One fixed-rate step of the relay load: what was offered, what arrived, the relay latency
 * (microseconds, from the intended send time, so a driver or server that falls behind shows it),
 * and what the server and the driver cost meanwhile. {@code misrouted}: messages that reached a socket other
 * than the sender's peer; {@code outOfOrder}: messages that arrived before an earlier one of the same sender;
 * {@code sharedCpuPercent}: the CPU of the service several nodes share (Redis), NaN where there is none.
 */
record StepResult(double rate, long sent, long delivered, long errors, int closedSockets, long misrouted,
                  long outOfOrder, Histogram latencyMicros,
                  double serverCpuPercent, double serverRssMb, double driverCpuPercent, double sharedCpuPercent) {

    double percentileMs(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /** CPU time per message offered, in µs, of a process that used {@code cpuPercent} of a core in this step. */
    double cpuMicrosPerMessage(double cpuPercent) {
        return cpuPercent * 10_000 / rate;
    }

    double maxMs() {
        return latencyMicros.getMaxValue() / 1000.0;
    }

    boolean allDelivered() {
        return delivered >= sent && errors == 0 && closedSockets == 0 && misrouted == 0 && outOfOrder == 0;
    }

    /** Sustained: every message arrived, nothing failed, and p99 stayed within {@code p99LimitMs}. */
    boolean sustained(double p99LimitMs) {
        return allDelivered() && percentileMs(99) <= p99LimitMs;
    }
}
