package app.duet.bench.calls;

import app.duet.bench.ReportOutput;
import app.duet.bench.os.MachineInfo;
import app.duet.bench.summary.SummaryRow;
import app.duet.client.call.media.SyntheticLook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code duet-bench app-cost}: the Duet window's CPU and memory in a call, next to the engine alone. */
@Command(name = "app-cost", mixinStandardHelpOptions = true,
        description = "CPU and RSS of the real Duet window in a 1280x720@30 call, next to the engine-only client.")
public final class AppCostCommand implements Callable<Integer> {
    private static final double CPU_TARGET_PERCENT = 40;
    private static final double RSS_TARGET_MB = 300;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "120", description = "Measured window of each run (default 120).")
    private int seconds;

    @Option(names = "--server-jar", defaultValue = "signaling-server/target/duet-server.jar")
    private Path serverJar;

    @Option(names = "--client-jar", defaultValue = "desktop-client/target/duet-client.jar",
            description = "The app's runnable jar (what ./duet run starts).")
    private Path clientJar;

    @Option(names = "--work-dir", defaultValue = "bench/target/app-cost-work")
    private Path workDir;

    @Option(names = "--look", split = ",", defaultValue = "PATTERN,CAMERA_LIKE",
            description = "What the caller's synthetic camera shows: PATTERN, CAMERA_LIKE or both, in turn.")
    private List<SyntheticLook> looks;

    @Option(names = "--peer-jvm-opt", description = "A JVM option of every client process, the window's too"
            + " (repeatable; scripts/bench.sh passes scripts/client-jvm.options).")
    private List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--app-jvm-opt", description = "A JVM option of the window's process only, after the"
            + " --peer-jvm-opt ones (repeatable), e.g. -Dprism.order=sw.")
    private List<String> appJvmOptions = new ArrayList<>();

    @Option(names = "--app-env", description = "An environment variable of the window's process only, NAME=VALUE"
            + " (repeatable), e.g. GDK_GL=disable.")
    private Map<String, String> appEnv = new LinkedHashMap<>();

    @Option(names = "--window-only", description = "Measure the window only, without the engine-only run.")
    private boolean windowOnly;

    @Mixin
    private ReportOutput reportOutput;

    @Override
    public Integer call() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("# The app's cost with its UI");
        out.println();
        out.println("Machine: " + MachineInfo.describe() + " at the start. Display: " + System.getenv("DISPLAY")
                + "; JavaFX pipeline: the one it picks there (under Xvfb, software).");
        out.println();
        out.println("Method: engine only = two call-peer processes as in \"Client cost\" (no drawing), the caller"
                + " measured. Window = the real Duet window (" + clientJar.getFileName() + ", its composition root,"
                + " signed in from a remembered session, started after a first start of the app on its config dir, so it draws as every later start does: see decision 0018) accepts with video a ring from a call-peer process sending"
                + " 1280x720@30 synthetic video and a tone, and draws remote video and self-view (its own camera"
                + " setting: no camera here, so the 640x480 test pattern) at its default size, 960x680. Both are read"
                + " from /proc after the call has run 10 s, for " + seconds + " s: CPU = utime+stime in % of one"
                + " core, RSS = VmRSS each second; the window's RSS once more 5 s after the caller hung up. JVM"
                + " options: " + (jvmOptions.isEmpty() ? "none" : String.join(" ", jvmOptions))
                + "; the window's own: " + (appJvmOptions.isEmpty() ? "none" : String.join(" ", appJvmOptions))
                + "; its environment added: " + (appEnv.isEmpty() ? "nothing" : appEnv) + ".");
        out.println();
        out.println("| picture | process | CPU (one core = 100 %) | RSS avg | RSS max | RSS after hang-up | its report |");
        out.println("|---|---|---:|---:|---:|---:|---|");
        List<ClientCostBenchmark.Cost> all = new ArrayList<>();
        List<AppCostBenchmark.AppCost> windows = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        for (SyntheticLook look : looks) {
            Path dir = workDir.resolve(look.name().toLowerCase(Locale.ROOT));
            ClientCostBenchmark engine = new ClientCostBenchmark(jvmOptions, look);
            ClientCostBenchmark.Cost engineOnly = windowOnly ? null : engine.runWithRetry(serverJar, dir, false, seconds);
            List<String> windowOptions = new ArrayList<>(jvmOptions);
            windowOptions.addAll(appJvmOptions);
            AppCostBenchmark.AppCost window = new AppCostBenchmark(clientJar, windowOptions, appEnv, engine)
                    .run(serverJar, dir, seconds);
            if (engineOnly != null) {
                row(out, look, engineOnly, "-");
                all.add(engineOnly);
                summary.add(summaryRow(look, window.inCall(), engineOnly));
            }
            row(out, look, window.inCall(), String.format(Locale.ROOT, "%.0f MB", window.rssAfterHangUpMb()));
            all.add(window.inCall());
            windows.add(window);
        }
        out.println();
        out.println("By thread (% of one core, groups of at least 1 %):");
        out.println();
        for (ClientCostBenchmark.Cost cost : all) {
            out.println("- " + cost.scenario() + ": " + cost.byThread().entrySet().stream().filter(e -> e.getValue() >= 1)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        out.println();
        for (AppCostBenchmark.AppCost window : windows) {
            ClientCostBenchmark.Cost c = window.inCall();
            boolean met = c.cpuPercent() <= CPU_TARGET_PERCENT && c.maxRssMb() <= RSS_TARGET_MB;
            out.printf(Locale.ROOT, "- %s: %.0f %% CPU, %.0f MB RSS (target <= %.0f %% and <= %.0f MB): %s; JavaFX"
                    + " threads %.2f ms of CPU per frame drawn (a starved window draws fewer frames and spends less)%n",
                    c.scenario(), c.cpuPercent(), c.maxRssMb(), CPU_TARGET_PERCENT, RSS_TARGET_MB, met ? "met" : "MISSED",
                    window.uiMsPerDrawnFrame());
        }
        out.println();
        out.println("Load average at the end: " + MachineInfo.loadAverage() + ".");
        out.println();
        out.flush();
        reportOutput.publish(spec.commandLine().getOut(), text.toString(), summary);
        return 0;
    }

    private static SummaryRow summaryRow(SyntheticLook look, ClientCostBenchmark.Cost window,
                                         ClientCostBenchmark.Cost engineOnly) {
        return new SummaryRow("app (" + look.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")",
                "the Duet window in a 1280x720@30 call (CPU / RSS)",
                String.format(Locale.ROOT, "%.0f %% / %.0f MB", window.cpuPercent(), window.maxRssMb()),
                String.format(Locale.ROOT, "engine only %.0f %% / %.0f MB", engineOnly.cpuPercent(), engineOnly.maxRssMb()),
                String.format(Locale.ROOT, "<= %.0f %% / <= %.0f MB", CPU_TARGET_PERCENT, RSS_TARGET_MB),
                window.cpuPercent() <= CPU_TARGET_PERCENT && window.maxRssMb() <= RSS_TARGET_MB);
    }

    private static void row(PrintWriter out, SyntheticLook look, ClientCostBenchmark.Cost cost, String after) {
        out.printf(Locale.ROOT, "| %s | %s | %.0f %% | %.0f MB | %.0f MB | %s | %s |%n", look.name().toLowerCase(Locale.ROOT),
                cost.scenario(), cost.cpuPercent(), cost.avgRssMb(), cost.maxRssMb(), after, cost.peerReport());
    }
}
