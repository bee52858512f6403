package app.duet.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrendTest {
    private static MinuteSample withRss(int minute, double rssMb) {
        return new MinuteSample(minute, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, rssMb, 100, 20, 0, "0 0 0");
    }

    @Test
    void aSteadyGrowthIsItsRatePerTenMinutes() {
        List<MinuteSample> samples = IntStream.rangeClosed(1, 30).mapToObj(m -> withRss(m, 400 + 1.5 * m)).toList();

        assertThat(Trend.per10Minutes(samples, MinuteSample::rssMb)).isCloseTo(15, within(1e-9));
        assertThat(Trend.per10Minutes(samples, MinuteSample::fds)).isZero();
    }

    @Test
    void noiseAroundALevelFitsNearlyFlat() {
        List<MinuteSample> samples = IntStream.rangeClosed(1, 30)
                .mapToObj(m -> withRss(m, 400 + (m % 2 == 0 ? 20 : -20))).toList();

        assertThat(Trend.per10Minutes(samples, MinuteSample::rssMb)).isBetween(-3.0, 3.0);
    }
}
