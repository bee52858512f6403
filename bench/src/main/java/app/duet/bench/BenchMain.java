package app.duet.bench;

import app.duet.bench.calls.AppCostCommand;
import app.duet.bench.calls.CallPeerCommand;
import app.duet.bench.calls.CallsCommand;
import app.duet.bench.framepath.FramePathCommand;
import app.duet.bench.metrics.MetricsCostCommand;
import app.duet.bench.nodes.FailoverCommand;
import app.duet.bench.relay.NodesRelayCommand;
import app.duet.bench.relay.RelayCommand;
import app.duet.bench.signin.SigninCommand;
import app.duet.bench.soak.SoakCommand;
import app.duet.bench.sound.SineCommand;
import app.duet.bench.summary.SummaryCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of duet-bench.jar: one subcommand per benchmark. Run through scripts/bench.sh. */
@Command(name = "duet-bench", mixinStandardHelpOptions = true,
        description = "Duet benchmarks; each prints its method and numbers as Markdown.",
        subcommands = {RelayCommand.class, NodesRelayCommand.class, FailoverCommand.class, CallsCommand.class, CallPeerCommand.class, SineCommand.class, SoakCommand.class,
                SummaryCommand.class, SigninCommand.class, AppCostCommand.class, MetricsCostCommand.class, FramePathCommand.class})
public final class BenchMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
