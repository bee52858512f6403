package app.duet.bench.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcSampleTest {
    @Test
    void readsThisProcessFromProc() {
        ProcSample sample = ProcSample.self();

        assertThat(sample.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(sample.rssKb()).isPositive();
        assertThat(sample.peakRssKb()).isGreaterThanOrEqualTo(sample.rssKb());
        assertThat(sample.threads()).isPositive();
    }

    @Test
    void cpuShareIsCpuTimeOverWallTime() {
        ProcSample before = new ProcSample(1, 0, 100, 0, 0, 1);
        ProcSample after = new ProcSample(1, 2_000_000_000L, 150, 0, 0, 1);

        assertThat(after.cpuPercentSince(before)).isEqualTo(25.0);
    }
}
