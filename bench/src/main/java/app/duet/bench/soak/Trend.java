package app.duet.bench.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Least-squares slope of a per-minute figure, so "flat" is a number rather than a look at a column. */
final class Trend {
    private Trend() {
    }

    /** Change per 10 minutes of the straight line that best fits {@code value} over the samples' minutes. */
    static double per10Minutes(List<MinuteSample> samples, ToDoubleFunction<MinuteSample> value) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double meanX = samples.stream().mapToDouble(MinuteSample::minute).average().orElse(0);
        double meanY = samples.stream().mapToDouble(value).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (MinuteSample s : samples) {
            double dx = s.minute() - meanX;
            covariance += dx * (value.applyAsDouble(s) - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? 0 : 10 * covariance / variance;
    }
}
