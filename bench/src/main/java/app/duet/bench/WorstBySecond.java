package app.duet.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The worst value seen in each second of a measurement, printed as one line: a pause or a drift shows as a
 * pattern over seconds that percentiles hide. Thread-safe.
 */
public final class WorstBySecond {
    private final AtomicLongArray worst;

    public WorstBySecond(int seconds) {
        this.worst = new AtomicLongArray(seconds);
    }

    /** Keeps {@code value} if it is the worst of its second; seconds outside the measurement are ignored. */
    public void record(long second, long value) {
        if (second >= 0 && second < worst.length()) {
            worst.accumulateAndGet((int) second, value, Math::max);
        }
    }

    /** The first {@code seconds} seconds, each value divided by {@code divisor} and rounded, space-separated. */
    public String line(long seconds, double divisor) {
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < Math.min(worst.length(), seconds); s++) {
            line.append(s == 0 ? "" : " ").append(Math.round(worst.get(s) / divisor));
        }
        return line.toString();
    }
}
