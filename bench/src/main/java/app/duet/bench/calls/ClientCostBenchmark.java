package app.duet.bench.calls;

import app.duet.bench.duet.ChannelMembers;
import app.duet.bench.duet.DuetServer;
import app.duet.bench.duet.DuetSession;
import app.duet.bench.os.ServerProcess;
import app.duet.bench.ws.DriverSockets;
import app.duet.client.call.media.SyntheticLook;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one client costs during a call: two call-peer processes (this jar) call each other through the
 * server; the caller's CPU (utime+stime over the window, % of one core) and RSS (VmRSS sampled every
 * second) are read from /proc while the call runs. Camera call: both send the 1280x720@30 synthetic
 * camera. Screen share: the measured side shares the (virtual) screen instead.
 */
final class ClientCostBenchmark {
    private static final Logger log = LoggerFactory.getLogger(ClientCostBenchmark.class);
    static final String PASSWORD = "bench-password-123";
    static final Duration SETTLE = Duration.ofSeconds(10);

    /** {@code byThread}: the CPU of the measured process split by thread group, largest first (% of one core). */
    record Cost(String scenario, int seconds, double cpuPercent, double avgRssMb, double maxRssMb,
                  String peerReport, Map<String, Double> byThread) {
    }

    private final List<String> peerJvmOptions;
    private final SyntheticLook look;

    /**
     * {@code peerJvmOptions}: JVM options for the two client processes (none: the defaults a user gets);
     * {@code look}: what their synthetic cameras show.
     */
    ClientCostBenchmark(List<String> peerJvmOptions, SyntheticLook look) {
        this.peerJvmOptions = List.copyOf(peerJvmOptions);
        this.look = look;
    }

    /**
     * Runs the scenario; if the two processes fail to connect their call, tries once more with fresh
     * processes and says so in the result (the failed attempt's logs stay in the work folder).
     */
    Cost runWithRetry(Path serverJar, Path workDir, boolean screen, int seconds) throws Exception {
        try {
            return run(serverJar, workDir, screen, seconds);
        } catch (IllegalStateException | java.util.concurrent.TimeoutException e) {
            log.warn("client-cost run failed ({}); trying once more", e.getMessage());
            Path failed = workDir.resolve((screen ? "cost-screen" : "cost-camera") + "-failed");
            deleteQuietly(failed);
            Files.move(workDir.resolve(screen ? "cost-screen" : "cost-camera"), failed);
            Cost second = run(serverJar, workDir, screen, seconds);
            return new Cost(second.scenario(), second.seconds(), second.cpuPercent(), second.avgRssMb(),
                    second.maxRssMb(), second.peerReport() + " (second attempt: the first call did not connect, logs in "
                    + failed.getFileName() + ")", second.byThread());
        }
    }

    private static void deleteQuietly(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    Cost run(Path serverJar, Path workDir, boolean screen, int seconds) throws Exception {
        String scenario = screen ? "screen share (caller shares the 1280x720 screen)"
                : "1280x720@30 camera call (" + CallsReport.lookName(look) + ")";
        Path dir = workDir.resolve(screen ? "cost-screen" : "cost-camera");
        Files.createDirectories(dir);
        try (ServerProcess server = DuetServer.start(serverJar, dir.resolve("server"), 4, List.of(), List.of())) {
            createAccounts(server.port());
            // The peers hold the call a little past the measured window, so sampling never races their exit.
            int hold = seconds + (int) SETTLE.toSeconds() + 10;
            Process callee = peer(server.port(), "dave", false, false, hold, dir);
            Process caller = peer(server.port(), "cara", true, screen, hold, dir);
            try {
                Path result = dir.resolve("cara.txt");
                Waits.until(() -> Files.exists(result.resolveSibling("cara.txt.connected")) || !caller.isAlive(),
                        Duration.ofSeconds(90), "the measured client's call connected");
                if (!caller.isAlive()) {
                    throw new IllegalStateException("the measured client exited early; see " + dir.resolve("cara.log"));
                }
                TimeUnit.MILLISECONDS.sleep(SETTLE.toMillis());
                CostSampler.Window window = CostSampler.sample(caller, seconds);
                caller.waitFor(90, TimeUnit.SECONDS);
                callee.waitFor(90, TimeUnit.SECONDS);
                String report = Files.exists(result) ? Files.readString(result).trim().replace('\n', ' ') : "no report";
                return new Cost(scenario, window.seconds(), window.cpuPercent(), window.avgRssMb(), window.maxRssMb(),
                        report + "; load " + window.loadAverage(), window.byThread());
            } finally {
                caller.destroy();
                callee.destroy();
                caller.waitFor(15, TimeUnit.SECONDS);
                callee.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }

    /** Accounts cara and dave, both members of the channel "cost". */
    static void createAccounts(int port) throws Exception {
        ProtocolCodec codec = new ProtocolCodec();
        LongAdder retries = new LongAdder();
        try (DriverSockets sockets = new DriverSockets(1)) {
            DuetSession cara = DuetSession.signUp(sockets, codec, port, "cara", PASSWORD, retries).get(30, TimeUnit.SECONDS);
            DuetSession dave = DuetSession.signUp(sockets, codec, port, "dave", PASSWORD, retries).get(30, TimeUnit.SECONDS);
            cara.request(id -> new Request.ChannelCreate(id, "cost"), Result.Channel.class).get(30, TimeUnit.SECONDS);
            ChannelMembers.joinInvited(cara, dave, "cost", retries).get(30, TimeUnit.SECONDS);
            cara.connection().close();
            dave.connection().close();
        }
    }

    /** A call-peer process of this jar; its log, result and "connected" mark go to {@code dir}/{@code user}.*. */
    Process peer(int port, String user, boolean ring, boolean screen, int seconds, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(peerJvmOptions);
        command.addAll(List.of("-jar", ownJar().toString(), "call-peer",
                "--server", "ws://127.0.0.1:" + port, "--user", user, "--password", PASSWORD, "--channel", "cost",
                "--seconds", Integer.toString(seconds), "--look", look.name(), "--result-file", dir.resolve(user + ".txt").toString()));
        if (ring) {
            command.add("--ring");
        }
        if (screen) {
            command.add("--screen");
        }
        Files.deleteIfExists(dir.resolve(user + ".txt"));
        Files.deleteIfExists(dir.resolve(user + ".txt.connected"));
        log.info("starting {} ({})", user, ring ? "caller, measured" : "callee");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(user + ".log").toFile())
                .start();
    }

    static Path ownJar() throws Exception {
        return Path.of(ClientCostBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
