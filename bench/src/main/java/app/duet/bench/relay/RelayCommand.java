package app.duet.bench.relay;

import app.duet.bench.ReportOutput;
import app.duet.bench.os.MachineInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import app.duet.bench.duet.DuetServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duet-bench relay}: relay capacity of Duet's signaling server next to PeerServer's. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = "Relay latency and sustained rate at 1k/5k/10k sockets, Duet next to PeerServer.")
public final class RelayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Small sizes and short steps (about a minute).")
    private boolean quick;

    @Option(names = "--sockets", split = ",", description = "Socket counts (default 1000,5000,10000; quick 1000).")
    private List<Integer> sockets;

    @Option(names = "--targets", split = ",", defaultValue = "duet,peerserver",
            description = "Servers to measure: duet, peerserver (default: both).")
    private List<String> targets;

    @Mixin
    private DuetServerOptions server;

    @Option(names = "--peerserver-dir", defaultValue = "bench/target/peerserver",
            description = "Folder with node_modules/peer and peerserver.mjs (scripts/bench.sh installs it).")
    private Path peerServerDir;

    @Option(names = "--work-dir", defaultValue = "bench/target/relay-work",
            description = "Where server data and logs go.")
    private Path workDir;

    @Option(names = "--rate", description = "Run one step at this rate instead of stepping (for profiling).")
    private Double fixedRate;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of the --rate step.")
    private int fixedSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "2", description = "Unmeasured seconds before the --rate step.")
    private int fixedWarmupSeconds;

    @Option(names = "--setup-seconds", description = "Longest set-up of one size (default 240; quick 120).")
    private Integer setupSeconds;

    @Option(names = "--mix", defaultValue = "call-setup", description = "Messages sent: call-setup (1 offer/answer in 8,"
            + " the rest candidates), sdp-heavy (1 in 2) or burst (only offers/answers; with --rate = sockets"
            + " every pair renegotiates within each second).")
    private String mix;

    @Option(names = "--profile-dir", description = "Record the Duet server's reference steps with JFR into this folder.")
    private Path profileDir;

    @Mixin
    private ReportOutput reportOutput;


    @Override
    public Integer call() throws Exception {
        RelaySettings settings = (quick ? RelaySettings.quick() : RelaySettings.full()).withMix(RelayMix.of(mix));
        if (sockets != null) {
            settings = settings.withSocketCounts(sockets);
        }
        if (setupSeconds != null) {
            settings = settings.withSetupLimit(Duration.ofSeconds(setupSeconds));
        }
        if (fixedRate != null) {
            settings = settings.fixedRate(fixedRate, fixedSeconds, fixedWarmupSeconds);
        }
        String machineBefore = MachineInfo.describe();
        Map<String, String> setups = new LinkedHashMap<>();
        List<SizeResult> results = new ArrayList<>();
        for (String name : targets) {
            RelayTarget target = target(name.trim());
            setups.put(target.name(), target.setup());
            results.addAll(new RelayBenchmark(settings, profileDir).run(target));
        }
        String machine = machineBefore + " at the start, " + MachineInfo.loadAverage() + " at the end";
        StringWriter text = new StringWriter();
        RelayReport relayReport = new RelayReport(settings);
        relayReport.print(new PrintWriter(text), machine, setups, results);
        reportOutput.publish(spec.commandLine().getOut(), text.toString(), relayReport.summary(results));
        return 0;
    }

    private RelayTarget target(String name) {
        return switch (name) {
            case "duet" -> DuetTarget.oneServer(server.jar(), workDir.resolve("duet"), server.bcryptCost(), server.jvmOptions());
            case "peerserver" -> new PeerServerTarget(peerServerDir.toAbsolutePath(), workDir.resolve("peerserver"));
            default -> throw new IllegalArgumentException("unknown target " + name + " (duet, peerserver)");
        };
    }
}
