package app.duet.bench.calls;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import app.duet.client.call.media.SyntheticLook;

/** The call benchmarks as Markdown: method, numbers, targets. */
final class CallsReport {
    private static final double SETUP_TARGET_MS = 300;
    private static final double G2G_TARGET_MS = 50;
    private static final double CPU_TARGET_PERCENT = 60;
    private static final double RSS_TARGET_MB = 350;

    private final SyntheticLook look;

    /** {@code look}: the synthetic camera's picture in these runs, named in each heading. */
    CallsReport(SyntheticLook look) {
        this.look = look;
    }

    static String lookName(SyntheticLook look) {
        return look == SyntheticLook.CAMERA_LIKE ? "camera-like picture: whole-frame motion and sensor noise"
                : "pattern: colour bars and a moving square";
    }

    private void heading(PrintWriter out, String title) {
        out.println("## " + title + " (" + lookName(look) + ")");
        out.println();
    }

    void printSetup(PrintWriter out, List<CallSetupBenchmark.Result> results, int width, int height) {
        heading(out, "Call set-up");
        out.println("Method: two Duet clients in one JVM (the app's SignalingClient and CallEngine, one headless"
                + " media engine, synthetic " + width + "x" + height + "@30 camera and a 440 Hz tone) talk through the"
                + " real signaling server (its own process on 127.0.0.1, host ICE candidates only). ann rings, bob"
                + " accepts as soon as call_incoming arrives. Time from the ring request to the first remote video"
                + " frame decoded and converted to ARGB on each side (video calls), or to the first remote audio"
                + " whose level passes silence (audio calls). Each call is hung up and both sides return to idle"
                + " before the next. The synthetic tone is pushed into libwebrtc, which may start only once the"
                + " audio module's own recording has started and been stopped (its first packet, or 300 ms at"
                + " most; see docs/benchmarks.md); the microphone rows (when PULSE_SERVER names a sound server, as"
                + " scripts/bench.sh arranges) send what users send: the sound server's default source, here a"
                + " 440 Hz sine played into a null sink at 10 ms latency, through libwebrtc's audio module.");
        out.println();
        out.println("| media | calls (failed) | caller p50 | caller p95 | callee p50 | callee p95 | max |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (CallSetupBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "| %s | %d (%d) | %s | %s | %s | %s | %s |%n", r.media(),
                    r.calls(), r.failed(), ms(r.caller(), 50), ms(r.caller(), 95), ms(r.callee(), 50),
                    ms(r.callee(), 95), maxMs(r.caller(), r.callee()));
        }
        out.println();
        for (CallSetupBenchmark.Result r : results) {
            double p50 = Math.max(value(r.caller(), 50), value(r.callee(), 50));
            out.printf(Locale.ROOT, "- %s call set-up p50 (slower side) %.0f ms (target <= %.0f ms): %s%n",
                    r.media(), p50, SETUP_TARGET_MS, p50 <= SETUP_TARGET_MS ? "met" : "MISSED");
        }
        out.println();
    }

    /** {@code module}: the audio device module the calls ran on, as the method line names it. */
    void printGlassToGlass(PrintWriter out, List<GlassToGlassBenchmark.Result> results, long warmupSeconds,
                           long measureSeconds, String module) {
        heading(out, "Glass-to-glass latency");
        out.println("Method: the same two in-process clients in a video call through the server. The synthetic"
                + " camera draws the capture time (ms) as black/white blocks along the top of every frame; the far"
                + " side takes each decoded frame as the UI would (off the WebRTC thread), reads the blocks back"
                + " and subtracts them from the wall time the frame was converted to ARGB (ready to draw; screen"
                + " scan-out is not included). Both directions together, " + measureSeconds + " s after a "
                + warmupSeconds + " s warm-up. With audio, both sides also send audio (on the headless audio module a"
                + " tone; on a sound server the microphone) and libwebrtc's audio/video sync"
                + " may delay video; without audio the calls carry no audio track at all. Audio module: " + module
                + ".");
        out.println();
        out.println("| size | audio | fps sent | frames read | p50 | p95 | p99 | max | decoded fps | sizes received |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (GlassToGlassBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "| %dx%d | %s | %d | %d%s | %s | %s | %s | %s | %.1f | %s |%n", r.width(), r.height(),
                    r.audio() ? "with" : "without", r.fps(), r.latencyMs().getTotalCount(), r.unreadable() > 0 ? " (+" + r.unreadable()
                            + " unreadable)" : "", ms(r.latencyMs(), 50), ms(r.latencyMs(), 95), ms(r.latencyMs(), 99),
                    r.latencyMs().getTotalCount() == 0 ? "-" : r.latencyMs().getMaxValue() + " ms", r.decodedFps(),
                    r.receivedSizes().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.println();
        results.stream().filter(r -> r.height() == 720).forEach(r -> out.printf(Locale.ROOT,
                "- Glass-to-glass p50 at 1280x720 %s audio: %.0f ms (target <= %.0f ms): %s%n",
                r.audio() ? "with" : "without", value(r.latencyMs(), 50),
                G2G_TARGET_MS, value(r.latencyMs(), 50) <= G2G_TARGET_MS ? "met" : "MISSED"));
        out.println();
    }

    void printCost(PrintWriter out, List<ClientCostBenchmark.Cost> results, List<String> peerJvmOptions) {
        heading(out, "Client cost");
        out.println("Method: two client processes (the app's SignalingClient and CallEngine in `duet-bench.jar"
                + " call-peer`, headless audio, a thread taking every remote frame as the UI would; JavaFX drawing"
                + " is not included) call each other through the server on 127.0.0.1. The caller is measured from"
                + " /proc after the call has run 10 s: CPU = utime+stime over the window in % of one core, RSS ="
                + " VmRSS sampled every second. Both send 1280x720@30 synthetic video and a tone; in the screen-share"
                + " run the measured side sends its (virtual, Xvfb) screen instead. Client JVM options: "
                + (peerJvmOptions.isEmpty() ? "none (the defaults `java -jar` gives)" : String.join(" ", peerJvmOptions))
                + ".");
        out.println();
        out.println("| scenario | window | CPU (one core = 100 %) | RSS avg | RSS max | peer's own report |");
        out.println("|---|---:|---:|---:|---:|---|");
        for (ClientCostBenchmark.Cost r : results) {
            out.printf(Locale.ROOT, "| %s | %d s | %.0f %% | %.0f MB | %.0f MB | %s |%n", r.scenario(), r.seconds(),
                    r.cpuPercent(), r.avgRssMb(), r.maxRssMb(), r.peerReport());
        }
        out.println();
        out.println("Where the measured process spends it, by thread (from /proc/<pid>/task; trailing numbers dropped,"
                + " % of one core, groups of at least 1 %):");
        out.println();
        for (ClientCostBenchmark.Cost r : results) {
            out.println("- " + r.scenario() + ": " + r.byThread().entrySet().stream()
                    .filter(e -> e.getValue() >= 1)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        out.println();
        for (ClientCostBenchmark.Cost r : results) {
            boolean met = r.cpuPercent() <= CPU_TARGET_PERCENT && r.maxRssMb() <= RSS_TARGET_MB;
            out.printf(Locale.ROOT, "- %s: %.0f %% CPU, %.0f MB RSS (target <= %.0f %% and <= %.0f MB): %s%n",
                    r.scenario(), r.cpuPercent(), r.maxRssMb(), CPU_TARGET_PERCENT, RSS_TARGET_MB, met ? "met" : "MISSED");
        }
        out.println();
    }

    static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : h.getValueAtPercentile(percentile) + " ms";
    }

    private static double value(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile);
    }

    private static String maxMs(Histogram a, Histogram b) {
        long max = Math.max(a.getTotalCount() == 0 ? 0 : a.getMaxValue(), b.getTotalCount() == 0 ? 0 : b.getMaxValue());
        return max + " ms";
    }
}
