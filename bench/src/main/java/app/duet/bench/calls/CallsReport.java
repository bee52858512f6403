package app.duet.bench.calls;

import app.duet.bench.summary.SummaryRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final List<SummaryRow> summary = new ArrayList<>();

    /** The rows for the run's summary table, from what was printed so far. */
    List<SummaryRow> summary() {
        return List.copyOf(summary);
    }

    private final SyntheticLook look;

    /** {@code look}: the synthetic camera's picture in these runs, named in each heading. */
    CallsReport(SyntheticLook look) {
        this.look = look;
    }

    /** The summary's area: the calls, and which picture the camera sent. */
    private String area() {
        return look == SyntheticLook.CAMERA_LIKE ? "calls (camera-like)" : "calls (pattern)";
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
                + " whose level passes silence (audio calls). Each call is hung up, both sides return to idle and"
                + " the call releases its native objects before the next. The synthetic tone is pushed into"
                + " libwebrtc, which may start only once the"
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
            summary.add(new SummaryRow(area(), r.media() + " set-up, ring to first frame/sound, p50 (slower side)",
                    SummaryRow.ms(p50), "-", "<= " + SummaryRow.ms(SETUP_TARGET_MS),
                    SummaryRow.verdict(p50, SETUP_TARGET_MS, true)));
        }
        out.println();
    }

    /** Accept -> first remote frame on each side, Duet's video calls next to Chromium's through the same server. */
    void printAcceptToFrame(PrintWriter out, CallSetupBenchmark.Result duet, Optional<ChromiumAnchor.Result> chromium,
                            int width, int height) {
        heading(out, "Accept to first frame, next to Chromium");
        out.println("Method: the part of a call set-up a person waits through after pressing Accept, on both sides:"
                + " from the callee's accept to the first remote video frame (Duet: decoded and converted to ARGB;"
                + " Chromium: shown, `requestVideoFrameCallback`), " + width + "x" + height + "@30 video"
                + " with audio. Duet's rows are the video calls above. The anchor, in the same run and through the same"
                + " server: two headless Chromium pages (Debian's `chromium`, driven by playwright-core from Node) with"
                + " a small web client of Duet's protocol (bench/src/main/node/chromium) and the same flow: ICE servers,"
                + " camera and peer connection while it rings on the caller's side, after Accept on the callee's; the"
                + " callee accepts as soon as the ring arrives and the caller offers. Chromium's camera sends the same"
                + " picture: its fake camera reads a Y4M file (`--use-file-for-fake-video-capture`) that the synthetic"
                + " camera's own generator wrote, converted to I420 by libwebrtc as Duet's frames are (3 s, looped)."
                + " Chromium's first call is a warm-up and not counted (Duet's"
                + " video calls also follow others on a warm media engine).");
        out.println();
        out.println("| client | calls (failed) | caller p50 | caller p95 | callee p50 | callee p95 |");
        out.println("|---|---:|---:|---:|---:|---:|");
        List<CallSetupBenchmark.Result> rows = new ArrayList<>(List.of(duet));
        chromium.ifPresent(c -> rows.add(c.setup()));
        for (CallSetupBenchmark.Result r : rows) {
            out.printf(Locale.ROOT, "| %s | %d (%d) | %s | %s | %s | %s |%n", r.media(), r.calls(), r.failed(),
                    ms(r.callerFromAccept(), 50), ms(r.callerFromAccept(), 95), ms(r.calleeFromAccept(), 50),
                    ms(r.calleeFromAccept(), 95));
        }
        out.println();
        if (chromium.isEmpty()) {
            out.println("(Chromium anchor skipped: its driver is not installed; scripts/bench.sh installs it.)");
            out.println();
            return;
        }
        CallSetupBenchmark.Result c = chromium.get().setup();
        chromium.get().errors().forEach(e -> out.println("- Chromium: " + e));
        for (int percentile : new int[] {50, 95}) {
            double mine = Math.max(value(duet.callerFromAccept(), percentile), value(duet.calleeFromAccept(), percentile));
            double anchor = Math.max(value(c.callerFromAccept(), percentile), value(c.calleeFromAccept(), percentile));
            summary.add(new SummaryRow(area(), "video accept to first frame, p" + percentile + " (slower side)",
                    SummaryRow.ms(mine), SummaryRow.ms(anchor) + " (Chromium)", "<= Chromium",
                    SummaryRow.verdict(mine, anchor, true)));
        }
        for (int percentile : new int[] {50, 95}) {
            for (boolean callerSide : new boolean[] {true, false}) {
                double mine = value(callerSide ? duet.callerFromAccept() : duet.calleeFromAccept(), percentile);
                double anchor = value(callerSide ? c.callerFromAccept() : c.calleeFromAccept(), percentile);
                out.printf(Locale.ROOT, "- Accept to first frame p%d, %s: Duet %.0f ms, Chromium %.0f ms (target: at or"
                        + " below Chromium): %s%n", percentile, callerSide ? "caller" : "callee", mine, anchor,
                        mine <= anchor ? "met" : "MISSED");
            }
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
        results.stream().filter(r -> r.height() == 720).forEach(r -> {
            double p50 = value(r.latencyMs(), 50);
            out.printf(Locale.ROOT, "- Glass-to-glass p50 at 1280x720 %s audio: %.0f ms (target <= %.0f ms): %s%n",
                    r.audio() ? "with" : "without", p50, G2G_TARGET_MS, p50 <= G2G_TARGET_MS ? "met" : "MISSED");
            summary.add(new SummaryRow(area(), "glass-to-glass p50, 1280x720 " + (r.audio() ? "with" : "without") + " audio",
                    SummaryRow.ms(p50), "-", "<= " + SummaryRow.ms(G2G_TARGET_MS),
                    SummaryRow.verdict(p50, G2G_TARGET_MS, true)));
        });
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
            summary.add(new SummaryRow(area(), "client cost, " + r.scenario() + " (CPU / RSS)",
                    String.format(Locale.ROOT, "%.0f %% / %.0f MB", r.cpuPercent(), r.maxRssMb()), "-",
                    String.format(Locale.ROOT, "<= %.0f %% / <= %.0f MB", CPU_TARGET_PERCENT, RSS_TARGET_MB), met));
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
