package app.duet.bench.calls;

import app.duet.bench.ReportOutput;
import app.duet.bench.os.MachineInfo;
import app.duet.bench.summary.SummaryRow;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.SyntheticVideoFile;
import app.duet.client.call.media.SyntheticLook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code duet-bench calls}: call set-up, glass-to-glass latency and client cost with real libwebrtc peers. */
@Command(name = "calls", mixinStandardHelpOptions = true,
        description = "Call set-up time, glass-to-glass latency and client CPU/RSS through the real server.")
public final class CallsCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CallsCommand.class);
    /** Chromium loops its file camera; 3 s of 640x480 (41 MB) outlast any call's set-up. */
    private static final int CHROMIUM_CAMERA_FRAMES = 90;
    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Fewer calls and shorter runs.")
    private boolean quick;

    @Option(names = "--server-jar", defaultValue = "signaling-server/target/duet-server.jar",
            description = "Duet's runnable server jar.")
    private Path serverJar;

    @Option(names = "--work-dir", defaultValue = "bench/target/calls-work", description = "Server data and logs.")
    private Path workDir;

    @Option(names = "--only", split = ",", defaultValue = "setup,latency,cost",
            description = "Which parts to run: setup, latency, cost (default: all).")
    private List<String> only;

    @Option(names = "--look", split = ",", defaultValue = "PATTERN,CAMERA_LIKE",
            description = "What the synthetic camera shows, each run in turn: PATTERN (bars and a moving square,"
                    + " cheap to encode) and CAMERA_LIKE (whole-frame motion and sensor noise, as a camera costs).")
    private List<SyntheticLook> looks;

    @Option(names = "--peer-jvm-opt", description = "A JVM option for the client processes of the cost runs"
            + " (repeatable), e.g. -Xmx256m to try a heap cap.")
    private List<String> peerJvmOptions = new ArrayList<>();

    /**
     * AUTO by default: with a sound server (scripts/bench.sh starts one) the far side plays audio as the app
     * does. webrtc-java 0.14.0's headless module pulls playout at ~87 Hz instead of 100 (upstream issue #243,
     * fixed in 0.15.0): its audio delay grows through a call, and lip sync holds video back with it.
     */
    @Option(names = "--latency-audio-module", defaultValue = "AUTO",
            description = "Audio device module of the glass-to-glass calls: AUTO (default: the sound server's devices"
                    + " when one answers, headless otherwise) or HEADLESS.")
    private AudioMode latencyAudioModule;

    @Option(names = "--chromium-dir", defaultValue = "bench/target/chromium",
            description = "Where scripts/bench.sh installed the Chromium anchor's driver (playwright-core).")
    private Path chromiumDir;

    @Mixin
    private ReportOutput reportOutput;


    /** Audio set-up from a real microphone, when a sound server is there to give one. */
    private Optional<CallSetupBenchmark.Result> microphoneSetup(int calls) throws Exception {
        if (System.getenv("PULSE_SERVER") == null) {
            log.info("No PULSE_SERVER: microphone set-up skipped (scripts/bench.sh starts a sound server)");
            return Optional.empty();
        }
        try (CallRig rig = new CallRig(serverJar, workDir.resolve("microphone"), AudioMode.AUTO, SyntheticLook.PATTERN)) {
            if (!rig.hasRealAudio()) {
                log.warn("The sound server at {} did not answer: microphone set-up skipped", System.getenv("PULSE_SERVER"));
                return Optional.empty();
            }
            return Optional.of(new CallSetupBenchmark().runMicrophone(rig, calls));
        }
    }

    /**
     * Chromium's calls through the rig's server, both pages sending {@code look} from a Y4M file written by the
     * synthetic camera's own generator (the rig's media engine has loaded libwebrtc, which converts the frames).
     */
    private Optional<ChromiumAnchor.Result> chromiumCalls(CallRig rig, Path dir, SyntheticLook look, int calls)
            throws Exception {
        ChromiumAnchor anchor = new ChromiumAnchor(chromiumDir);
        if (!anchor.installed()) {
            return Optional.empty();
        }
        Path camera = dir.resolve("chromium-camera.y4m");
        SyntheticVideoFile.writeY4m(MediaSettings.synthetic("Chromium").withSize(640, 480, 30).withLook(look),
                CHROMIUM_CAMERA_FRAMES, camera);
        return anchor.run(rig.serverUri(), calls, 640, 480, camera);
    }

    @Override
    public Integer call() throws Exception {
        int calls = quick ? 8 : 20;
        Duration warmup = Duration.ofSeconds(quick ? 3 : 5);
        Duration measure = Duration.ofSeconds(quick ? 8 : 20);
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("# Call benchmarks");
        out.println();
        out.println("Machine: " + MachineInfo.describe() + " at the start.");
        out.println();
        List<SummaryRow> summary = new ArrayList<>();
        for (SyntheticLook look : looks) {
            summary.addAll(runLook(out, look, calls, warmup, measure));
        }
        out.println("Load average at the end: " + MachineInfo.loadAverage() + ".");
        out.println();
        out.flush();
        reportOutput.publish(spec.commandLine().getOut(), text.toString(), summary);
        return 0;
    }

    /**
     * The chosen parts with one synthetic picture, and their summary rows; the microphone and the screen share run
     * with the first only, the Chromium anchor with each.
     */
    private List<SummaryRow> runLook(PrintWriter out, SyntheticLook look, int calls, Duration warmup, Duration measure)
            throws Exception {
        boolean first = look == looks.get(0);
        Path dir = workDir.resolve(look.name().toLowerCase(java.util.Locale.ROOT));
        CallsReport printer = new CallsReport(look);
        if (only.contains("setup")) {
            try (CallRig rig = new CallRig(serverJar, dir, AudioMode.HEADLESS, look)) {
                List<CallSetupBenchmark.Result> setups = new ArrayList<>();
                setups.add(new CallSetupBenchmark().run(rig, false, calls, 640, 480));
                setups.add(new CallSetupBenchmark().run(rig, true, calls, 640, 480));
                if (first) {
                    microphoneSetup(calls).ifPresent(setups::add);
                }
                printer.printSetup(out, setups, 640, 480);
                printer.printAcceptToFrame(out, setups.get(1), chromiumCalls(rig, dir, look, calls), 640, 480);
            }
        }
        if (only.contains("latency")) {
            try (CallRig rig = new CallRig(serverJar, dir.resolve("latency"), latencyAudioModule, look)) {
                List<GlassToGlassBenchmark.Result> latencies = new ArrayList<>();
                for (boolean audio : new boolean[] {true, false}) {
                    latencies.add(new GlassToGlassBenchmark().run(rig, 640, 480, 30, audio, warmup, measure));
                    latencies.add(new GlassToGlassBenchmark().run(rig, 1280, 720, 30, audio, warmup, measure));
                }
                printer.printGlassToGlass(out, latencies, warmup.toSeconds(), measure.toSeconds(),
                        rig.hasRealAudio() ? "the sound server's (PulseAudio)" : "headless");
            }
        }
        if (only.contains("cost")) {
            int seconds = quick ? 20 : 120;
            List<ClientCostBenchmark.Cost> costs = new ArrayList<>();
            ClientCostBenchmark cost = new ClientCostBenchmark(peerJvmOptions, look);
            costs.add(cost.runWithRetry(serverJar, dir, false, seconds));
            if (!first) {
                out.println("(Screen share: see the " + looks.get(0) + " run; the camera's picture does not change it.)");
                out.println();
            } else if (System.getenv("DISPLAY") != null) {
                costs.add(cost.runWithRetry(serverJar, dir, true, seconds));
            } else {
                out.println("(Screen share skipped: no DISPLAY; scripts/bench.sh runs this under Xvfb.)");
                out.println();
            }
            printer.printCost(out, costs, peerJvmOptions);
        }
        return printer.summary();
    }
}
