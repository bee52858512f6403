package app.duet.bench.calls;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.SyntheticLook;
import app.duet.client.call.model.CallState;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One side of a call as its own process, for the client-cost benchmark: logs in, rings (or accepts),
 * sends the synthetic camera (or shares the screen), takes every remote frame as the UI would, holds
 * the call for a fixed time and hangs up. Writes "connected" and then its results next to
 * {@code --result-file} so the orchestrator knows when to sample it.
 */
@Command(name = "call-peer", hidden = true, description = "One call participant (used by `calls`).")
public final class CallPeerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CallPeerCommand.class);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Option(names = "--server", required = true)
    private URI server;
    @Option(names = "--user", required = true)
    private String user;
    @Option(names = "--password", required = true)
    private String password;
    @Option(names = "--channel", required = true)
    private String channel;
    @Option(names = "--ring", description = "Ring the channel (otherwise accept the ring).")
    private boolean ring;
    @Option(names = "--screen", description = "Share the screen instead of sending the camera.")
    private boolean screen;
    @Option(names = "--width", defaultValue = "1280")
    private int width;
    @Option(names = "--height", defaultValue = "720")
    private int height;
    @Option(names = "--fps", defaultValue = "30")
    private int fps;
    @Option(names = "--look", defaultValue = "PATTERN", description = "PATTERN or CAMERA_LIKE.")
    private SyntheticLook look;
    @Option(names = "--seconds", required = true)
    private int seconds;
    @Option(names = "--result-file", required = true)
    private Path resultFile;

    @Override
    public Integer call() throws Exception {
        // This process logs to its own file (see ClientCostBenchmark): keep the client's call events there.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("app.duet.client"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ExecutorService events = Executors.newSingleThreadExecutor();
        RigListener listener = new RigListener(user, !ring);
        try (SignalingClient client = new SignalingClient(SignalingConfig.defaults(server, "duet-bench/0.1"),
                SessionStore.none(), events)) {
            client.start();
            CallEngineSettings settings = new CallEngineSettings(
                    MediaSettings.synthetic(user).withSize(width, height, fps).withLook(look), AudioMode.HEADLESS, false,
                    resultFile.resolveSibling(user + "-downloads"));
            try (CallEngine engine = CallEngine.start(client, settings, listener, events);
                 FrameTap remote = new FrameTap(engine.controls().remoteVideo(), user)) {
                listener.engine(engine);
                // Log in only once the engine listens, so a ring that comes at once is not missed.
                client.login(user, password, false).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                AtomicLong framesTaken = new AtomicLong();
                remote.consumer(frame -> framesTaken.incrementAndGet());
                if (ring) {
                    ringUntilAnswered(engine, client);
                }
                Waits.until(() -> engine.state() == CallState.CONNECTED, LIMIT, user + "'s call connected");
                if (screen) {
                    shareScreen(engine);
                }
                Files.writeString(resultFile.resolveSibling(resultFile.getFileName() + ".connected"), "connected");
                long published = engine.controls().remoteVideo().publishedFrames();
                TimeUnit.SECONDS.sleep(seconds);
                long decoded = engine.controls().remoteVideo().publishedFrames() - published;
                Files.writeString(resultFile, String.format(Locale.ROOT, "decodedFps=%.1f%nframesTaken=%d%nproblems=%s%n",
                        decoded / (double) seconds, framesTaken.get(), listener.problems));
                if (ring) {
                    engine.hangup().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                } else {
                    Waits.until(() -> engine.state() == CallState.IDLE, LIMIT, user + "'s call ended");
                }
            }
        } finally {
            events.shutdownNow();
        }
        return 0;
    }

    /** The other process may still be logging in: ring again while they are offline, up to the limit. */
    private void ringUntilAnswered(CallEngine engine, SignalingClient client) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            try {
                engine.ring(channel, true).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.info("ring not taken yet ({}); trying again", SignalingClient.unwrap(e).getMessage());
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    private void shareScreen(CallEngine engine) throws Exception {
        List<DisplayInfo> displays = engine.controls().displays();
        if (displays.isEmpty()) {
            throw new IllegalStateException("no display to share (is DISPLAY set?)");
        }
        engine.controls().shareScreen(displays.get(0)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
}
