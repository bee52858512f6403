package app.duet.bench.calls;

import app.duet.bench.duet.DuetServer;
import app.duet.bench.os.ProcSample;
import app.duet.bench.os.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the app costs with its UI: the real Duet window (the client's jar, its JVM options, under the
 * display the run has, Xvfb from scripts/bench.sh) takes a call from a call-peer process sending the
 * synthetic camera at 1280x720@30, accepts it with video and draws remote video and self-view. The
 * window's process is read from /proc as the engine-only run reads its caller; its RSS is read again
 * once the call has ended.
 */
final class AppCostBenchmark {
    private static final Logger log = LoggerFactory.getLogger(AppCostBenchmark.class);
    private static final Duration AFTER_HANG_UP = Duration.ofSeconds(5);

    /**
     * The window's cost in the call, its RSS {@link #AFTER_HANG_UP} after the call ended, and the frames it drew
     * a second in the call (remote video, self-view).
     */
    record AppCost(ClientCostBenchmark.Cost inCall, double rssAfterHangUpMb, double remoteFps, double selfFps) {

        /** CPU of the JavaFX threads (application and render) per frame drawn, in ms. */
        double uiMsPerDrawnFrame() {
            double uiPercent = inCall.byThread().getOrDefault("JavaFX Applicat", 0.0)
                    + inCall.byThread().getOrDefault("QuantumRenderer", 0.0);
            return uiPercent * 10 / (remoteFps + selfFps);
        }
    }

    private final Path clientJar;
    private final List<String> appJvmOptions;
    private final Map<String, String> appEnv;
    private final ClientCostBenchmark peers;

    /**
     * {@code peers} starts the calling side (its JVM options and picture); {@code clientJar}: duet-client.jar;
     * {@code appEnv}: added to the window's environment.
     */
    AppCostBenchmark(Path clientJar, List<String> appJvmOptions, Map<String, String> appEnv, ClientCostBenchmark peers) {
        this.clientJar = clientJar;
        this.appJvmOptions = List.copyOf(appJvmOptions);
        this.appEnv = Map.copyOf(appEnv);
        this.peers = peers;
    }

    AppCost run(Path serverJar, Path workDir, int seconds) throws Exception {
        Path dir = workDir.resolve("app-cost");
        Files.createDirectories(dir);
        try (ServerProcess server = DuetServer.start(serverJar, dir.resolve("server"), 4, List.of(), List.of())) {
            ClientCostBenchmark.createAccounts(server.port());
            int hold = seconds + (int) ClientCostBenchmark.SETTLE.toSeconds() + 10;
            firstStart(server.port(), "cara", dir);
            Process app = window(server.port(), "cara", hold + 60, dir);
            Process caller = peers.peer(server.port(), "dave", true, false, hold, dir);
            try {
                Path connected = dir.resolve("cara.txt.connected");
                Waits.until(() -> Files.exists(connected) || !app.isAlive(), Duration.ofSeconds(120),
                        "the window's call connected");
                if (!app.isAlive()) {
                    throw new IllegalStateException("the window exited early; see " + dir.resolve("cara.log"));
                }
                TimeUnit.MILLISECONDS.sleep(ClientCostBenchmark.SETTLE.toMillis());
                CostSampler.Window window = CostSampler.sample(app, seconds);
                caller.waitFor(90, TimeUnit.SECONDS);
                Waits.until(() -> Files.exists(dir.resolve("cara.txt")) || !app.isAlive(), Duration.ofSeconds(30),
                        "the window's call ended");
                TimeUnit.MILLISECONDS.sleep(AFTER_HANG_UP.toMillis());
                double rssAfter = app.isAlive() ? ProcSample.of(app.pid()).rssMb() : Double.NaN;
                Path result = dir.resolve("cara.txt");
                String[] fps = Files.exists(result) ? Files.readString(result).trim().split(" ") : new String[] {"NaN", "NaN"};
                double remoteFps = Double.parseDouble(fps[0]);
                double selfFps = Double.parseDouble(fps[1]);
                String report = String.format(Locale.ROOT, "drew remote %.1f fps, self-view %.1f fps; load %s",
                        remoteFps, selfFps, window.loadAverage());
                return new AppCost(new ClientCostBenchmark.Cost("the Duet window, 1280x720@30 call received",
                        window.seconds(), window.cpuPercent(), window.avgRssMb(), window.maxRssMb(), report,
                        window.byThread()), rssAfter, remoteFps, selfFps);
            } finally {
                caller.destroy();
                app.destroy();
                caller.waitFor(15, TimeUnit.SECONDS);
                app.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The app's own first start on the window's config dir (its launcher, the window's options), ended once it
     * has remembered how it draws: the measured window then starts as every later start does (decision 0018).
     */
    private void firstStart(int port, String user, Path dir) throws Exception {
        Path configDir = dir.resolve(user + "-config");
        Files.deleteIfExists(configDir.resolve("rendering.properties"));
        Path output = dir.resolve(user + "-first-start.log");
        List<String> command = java();
        command.addAll(List.of("-cp", clientJar.toString(), "app.duet.client.DuetLauncher", "--server",
                "ws://127.0.0.1:" + port, "--config-dir", configDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(appEnv);
        Process first = builder.start();
        try {
            Waits.until(() -> !first.isAlive() || logged(output, "Rendering: JavaFX draws"), Duration.ofSeconds(120),
                    "the app's first start to find its pipeline");
        } finally {
            first.destroy();
            first.waitFor(15, TimeUnit.SECONDS);
        }
        log.info("first start: {}", Files.readAllLines(output).stream().filter(l -> l.contains("Rendering:")).toList());
    }

    private static boolean logged(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> java() {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(appJvmOptions);
        return command;
    }

    private Process window(int port, String user, int seconds, Path dir) throws Exception {
        List<String> command = java();
        command.addAll(List.of("-cp", clientJar + java.io.File.pathSeparator + ClientCostBenchmark.ownJar(),
                "app.duet.bench.app.AppWindowCommand", "--server", "ws://127.0.0.1:" + port, "--user", user,
                "--password", ClientCostBenchmark.PASSWORD, "--config-dir", dir.resolve(user + "-config").toString(),
                "--seconds", Integer.toString(seconds), "--result-file", dir.resolve(user + ".txt").toString()));
        Files.deleteIfExists(dir.resolve(user + ".txt"));
        Files.deleteIfExists(dir.resolve(user + ".txt.connected"));
        log.info("starting the Duet window as {} (measured)", user);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(user + ".log").toFile());
        builder.environment().putAll(appEnv);
        return builder.start();
    }
}
