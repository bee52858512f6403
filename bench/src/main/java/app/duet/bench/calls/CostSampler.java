package app.duet.bench.calls;

import app.duet.bench.os.MachineInfo;
import app.duet.bench.os.ProcSample;
import app.duet.bench.os.ThreadCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one running process costs over a window, read from /proc: CPU (utime+stime, % of one core), RSS
 * (VmRSS every second) and CPU by thread group, with the machine's load average at the end.
 */
final class CostSampler {
    private CostSampler() {
    }

    record Window(int seconds, double cpuPercent, double avgRssMb, double maxRssMb, Map<String, Double> byThread,
                  String loadAverage) {
    }

    /** Samples {@code process} once a second for {@code seconds}, or until it exits. */
    static Window sample(Process process, int seconds) throws InterruptedException {
        ProcSample start = ProcSample.of(process.pid());
        ThreadCpu threadsAtStart = ThreadCpu.of(process.pid());
        ThreadCpu threadsAtEnd = threadsAtStart;
        List<ProcSample> samples = new ArrayList<>();
        for (int i = 0; i < seconds && process.isAlive(); i++) {
            TimeUnit.SECONDS.sleep(1);
            samples.add(ProcSample.of(process.pid()));
            threadsAtEnd = ThreadCpu.of(process.pid());
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("the measured process exited before the first sample");
        }
        ProcSample end = samples.get(samples.size() - 1);
        return new Window(samples.size(), end.cpuPercentSince(start),
                samples.stream().mapToDouble(ProcSample::rssMb).average().orElse(0),
                samples.stream().mapToDouble(ProcSample::rssMb).max().orElse(0),
                threadsAtEnd.percentByGroupSince(threadsAtStart), MachineInfo.loadAverage());
    }
}
