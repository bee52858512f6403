package app.duet.bench.metrics;

import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code duet-bench metrics-cost}: runs {@link MetricsCostBenchmark} (JMH, one fork) and logs its table. */
@Command(name = "metrics-cost", mixinStandardHelpOptions = true,
        description = "What the server's metrics cost per relayed message (JMH, in-process, about 20 s).")
public final class MetricsCostCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(MetricsCostCommand.class);

    @Override
    public Integer call() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(MetricsCostBenchmark.class.getName()).build()).run();
        StringBuilder table = new StringBuilder("\n| metrics per relayed message | ns (mean) | ± (99.9 %) |\n|---|---:|---:|\n");
        for (RunResult r : results) {
            table.append(String.format("| %s | %.1f | %.1f |%n", r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        log.info("{}", table);
        return 0;
    }
}
