package app.duet.bench.metrics;

import app.duet.bench.JmhTable;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
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
        log.info("{}", JmhTable.run(MetricsCostBenchmark.class, "metrics per relayed message"));
        return 0;
    }
}
