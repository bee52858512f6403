package app.duet.bench.relay;

import app.duet.bench.ReportOutput;
import app.duet.bench.duet.DuetServerOptions;
import app.duet.bench.os.MachineInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duet-bench relay-nodes}: the relay across two nodes next to one server, same driver, same run. Only the
 * reference step (latency at a fixed rate), at each socket count; the rate stepping of {@code relay} is left out.
 */
@Command(name = "relay-nodes", mixinStandardHelpOptions = true,
        description = "Relay latency with each pair split over two nodes (Redis, PostgreSQL) next to one server.")
public final class NodesRelayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "1,000 sockets and 5 s instead of 10,000 and 10 s.")
    private boolean quick;

    @Option(names = "--sockets", split = ",", description = "Socket counts (default 10000; quick 1000).")
    private List<Integer> sockets;

    @Option(names = "--rate", defaultValue = "2000", description = "Messages per second (all pairs together).")
    private double rate;

    @Option(names = "--seconds", description = "Measured seconds at each count (default 10; quick 5).")
    private Integer seconds;

    @Option(names = "--mix", defaultValue = "call-setup", description = "Messages sent, as for relay: call-setup,"
            + " sdp-heavy or burst.")
    private String mix;

    @Option(names = "--redis-url", required = true, description = "The Redis both nodes share (scripts/bench.sh starts one).")
    private String redisUrl;

    @Option(names = "--redis-pid", description = "That Redis's process id: its CPU is reported next to the nodes'.")
    private Long redisPid;

    @Option(names = "--db-url", required = true,
            description = "The nodes' PostgreSQL database (password in DUET_DB_PASSWORD; scripts/bench.sh starts one).")
    private String dbUrl;

    @Option(names = "--setup-seconds", defaultValue = "400", description = "Longest set-up of one size.")
    private int setupSeconds;

    @Mixin
    private DuetServerOptions server;

    @Option(names = "--work-dir", defaultValue = "bench/target/relay-nodes-work", description = "Server data and logs.")
    private Path workDir;

    @Mixin
    private ReportOutput reportOutput;

    @Override
    public Integer call() throws Exception {
        RelaySettings base = (quick ? RelaySettings.quick() : RelaySettings.full()).withMix(RelayMix.of(mix));
        int measured = seconds != null ? seconds : quick ? 5 : 10;
        RelaySettings settings = base.withSocketCounts(sockets != null ? sockets : List.of(quick ? 1000 : 10_000))
                .withSetupLimit(Duration.ofSeconds(setupSeconds))
                .fixedRate(rate, measured, (int) base.warmup().toSeconds());
        String machineBefore = MachineInfo.describe();
        List<RelayTarget> targets = List.of(
                DuetTarget.oneServer(server.jar(), workDir.resolve("one"), server.bcryptCost(), server.jvmOptions()),
                DuetTarget.twoNodes(server.jar(), workDir.resolve("two"), server.bcryptCost(), server.jvmOptions(),
                        redisUrl, dbUrl, redisPid));
        List<String> setups = new ArrayList<>();
        List<SizeResult> results = new ArrayList<>();
        for (RelayTarget target : targets) {
            setups.add(target.setup());
            results.addAll(new RelayBenchmark(settings, null).run(target));
        }
        String machine = machineBefore + " at the start, " + MachineInfo.loadAverage() + " at the end";
        StringWriter text = new StringWriter();
        NodesRelayReport report = new NodesRelayReport(settings);
        report.print(new PrintWriter(text), machine, setups, results);
        reportOutput.publish(spec.commandLine().getOut(), text.toString(), report.summary(results));
        return 0;
    }
}
