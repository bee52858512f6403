package app.duet.bench.framepath;

import app.duet.bench.JmhTable;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code duet-bench frame-path}: runs {@link FramePathBenchmark} (JMH, one fork) and logs its table. */
@Command(name = "frame-path", mixinStandardHelpOptions = true,
        description = "The relay's own work on one frame, offer and candidate, without sockets (JMH, in-process, about 40 s).")
public final class FramePathCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(FramePathCommand.class);

    @Override
    public Integer call() throws RunnerException {
        log.info("{}", JmhTable.run(FramePathBenchmark.class, "relay work on one frame"));
        return 0;
    }
}
