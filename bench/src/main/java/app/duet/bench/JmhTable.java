package app.duet.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs one JMH benchmark class in process and makes a Markdown table of its results. */
public final class JmhTable {
    private JmhTable() {
    }

    /**
     * Runs {@code benchmark} and returns one row per method: name, mean ns, error at 99.9 %, and the median (of
     * the iterations, or of the sampled operations in sample-time mode, which a busy machine's preemptions
     * move far less than the mean).
     */
    public static String run(Class<?> benchmark, String heading) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(benchmark.getName()).build()).run();
        StringBuilder table = new StringBuilder("\n| " + heading + " | ns (mean) | ± (99.9 %) | ns (median) |\n|---|---:|---:|---:|\n");
        for (RunResult r : results) {
            table.append(String.format("| %s | %.1f | %.1f | %.1f |%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    r.getPrimaryResult().getStatistics().getPercentile(50)));
        }
        return table.toString();
    }
}
