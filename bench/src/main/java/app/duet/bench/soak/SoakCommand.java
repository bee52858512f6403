package app.duet.bench.soak;

import app.duet.bench.ReportOutput;
import app.duet.bench.duet.DuetServerOptions;
import app.duet.bench.os.MachineInfo;
import app.duet.bench.os.ServerProcess;
import app.duet.bench.relay.SignalingPayloads;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duet-bench soak}: many sockets in continuous call signaling for a long time, the server watched. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Sockets in pairs ringing, accepting, relaying, hanging up and reconnecting for minutes:"
                + " lost and misrouted messages, latency per minute, and the server's RSS, fds and threads.")
public final class SoakCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "30", description = "How long the calls go on (default 30).")
    private int minutes;

    @Option(names = "--sockets", defaultValue = "10000", description = "Sockets held open, two per pair (default 10000).")
    private int sockets;

    @Option(names = "--calls-per-second", defaultValue = "50",
            description = "Calls started per second over all pairs (default 50).")
    private double callsPerSecond;

    @Mixin
    private DuetServerOptions server;

    @Option(names = "--work-dir", defaultValue = "bench/target/soak-work", description = "Where server data and logs go.")
    private Path workDir;

    @Mixin
    private ReportOutput reportOutput;

    @Override
    public Integer call() throws Exception {
        SoakSettings settings = new SoakSettings(minutes, sockets, callsPerSecond);
        PrintWriter out = spec.commandLine().getOut();
        String machineBefore = MachineInfo.describe();
        Files.createDirectories(workDir);
        List<MinuteSample> samples = new ArrayList<>();
        String setupNote;
        try (ServerProcess process = server.start(workDir, List.of())) {
            SoakRun run = new SoakRun(process, settings);
            run.run(sample -> {
                samples.add(sample);
                out.println(SoakReport.line(sample));
                out.flush();
            });
            long unexpected = run.tally().totalUnexpected();
            setupNote = run.setupNote() + (unexpected == 0 ? "" : " " + unexpected + " events about a pair's own"
                    + " calls came when it did not wait for them (the ends of calls that had stalled).");
            if (!process.isAlive()) {
                setupNote += " The server exited during the run (see " + workDir.resolve("duet-server.log") + ").";
            }
        }
        String machine = machineBefore + " at the start, " + MachineInfo.loadAverage() + " at the end";
        StringWriter text = new StringWriter();
        new SoakReport(settings).print(new PrintWriter(text), machine, describe(settings, setupNote), samples);
        reportOutput.publish(out, text.toString());
        return 0;
    }

    private String describe(SoakSettings settings, String setupNote) {
        return String.format(Locale.ROOT, "Duet server (%s, Java %s%s) as its own process on 127.0.0.1 with a fresh"
                        + " SQLite file and its default limits (loopback is exempt from the per-address ones);"
                        + " %d pairs, each two accounts (bcrypt cost %d) in one channel, one driver JVM. %.0f calls"
                        + " start per second, each on the pair idle longest: ring with the caller's call id, accept,"
                        + " an offer and %d candidates from the caller, an answer and %d candidates from the callee once"
                        + " the offer is in (a %d-character SDP and ~140-character candidates, candidates without id as"
                        + " the client sends them), hang-up once the caller has everything; once in %d calls of a"
                        + " pair (at a different call for each pair) one member, caller and callee in turn, drops its"
                        + " socket without a close frame and resumes on a new one. A relayed message is misrouted when"
                        + " it names another call or sender, lost when its call ends without it; a call not over"
                        + " within 120 s stalls its pair, which is left out. Latency: arrival minus send time stamped into each relayed message."
                        + " RSS, threads from /proc/<pid>/status and stat, fds counted in /proc/<pid>/fd. %s",
                server.jar().getFileName(), System.getProperty("java.version"),
                server.jvmOptions().isEmpty() ? "" : " " + String.join(" ", server.jvmOptions()),
                settings.sockets() / 2, server.bcryptCost(), settings.callsPerSecond(), SoakPair.BURST - 1, SoakPair.BURST - 1,
                SignalingPayloads.SDP_CHARS, SoakPair.RECONNECT_EVERY, setupNote);
    }
}
