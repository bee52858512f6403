package app.duet.bench.calls;

import com.google.gson.Gson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anchor for Duet's call set-up: two headless Chromium pages calling each other through the same Duet
 * server with the same flow (src/main/node/chromium-calls.mjs, run with Node from the folder scripts/bench.sh
 * installs playwright-core into), in the same run as the Duet clients.
 */
final class ChromiumAnchor {
    private static final Logger log = LoggerFactory.getLogger(ChromiumAnchor.class);
    private static final String SCRIPT = "chromium-calls.mjs";

    /** What the driver prints: per side, ms from the ring and from the callee's accept to the first frame shown. */
    private record Report(String chromium, int calls, int failed, List<String> errors, Side caller, Side callee) {
    }

    private record Side(double[] ring, double[] accept) {
    }

    /** Chromium's figures, shaped as Duet's set-up result so the report prints both alike. */
    record Result(String version, CallSetupBenchmark.Result setup, List<String> errors) {
    }

    private final Path driverDir;

    /** {@code driverDir}: where playwright-core is installed and the driver script and its page were copied. */
    ChromiumAnchor(Path driverDir) {
        this.driverDir = driverDir;
    }

    /** Whether the driver is installed (scripts/bench.sh installs it); logs why not. */
    boolean installed() {
        if (Files.exists(driverDir.resolve(SCRIPT)) && Files.isDirectory(driverDir.resolve("node_modules/playwright-core"))) {
            return true;
        }
        log.warn("No Chromium driver in {}: the Chromium anchor is skipped (scripts/bench.sh installs it)", driverDir);
        return false;
    }

    /**
     * Chromium's calls with {@code camera} (a Y4M file, 4:2:0, {@code width}x{@code height}) as both pages' fake
     * camera; empty when the driver is not installed.
     */
    Optional<Result> run(URI server, int calls, int width, int height, Path camera) throws IOException, InterruptedException {
        if (!installed()) {
            return Optional.empty();
        }
        Process node = new ProcessBuilder("node", SCRIPT, "--server", server.toString(), "--calls", String.valueOf(calls),
                "--width", String.valueOf(width), "--height", String.valueOf(height),
                "--y4m", camera.toAbsolutePath().toString())
                .directory(driverDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output;
        try {
            output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!node.waitFor(calls * 30L + 120, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new IOException("the Chromium driver failed (exit " + (node.isAlive() ? "none" : node.exitValue())
                        + "): " + output);
            }
        } finally {
            node.destroyForcibly();
        }
        Report report = new Gson().fromJson(output.substring(output.lastIndexOf('\n') + 1), Report.class);
        CallSetupBenchmark.Result setup = new CallSetupBenchmark.Result("video (Chromium " + report.chromium() + ")",
                true, histogram(report.caller().ring()), histogram(report.callee().ring()),
                histogram(report.caller().accept()), histogram(report.callee().accept()), report.calls(), report.failed());
        return Optional.of(new Result(report.chromium(), setup, new ArrayList<>(report.errors())));
    }

    private static Histogram histogram(double[] millis) {
        Histogram h = new Histogram(60_000, 3);
        for (double ms : millis) {
            h.recordValue(Math.max(1, Math.round(ms)));
        }
        return h;
    }
}
