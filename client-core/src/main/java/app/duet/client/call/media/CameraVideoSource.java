package app.duet.client.call.media;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import app.duet.client.call.threads.DaemonThreads;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoFrame;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real camera, captured in a helper process ({@link CameraHelper}) whose frames are pushed into a
 * {@link CustomVideoSource}. Starting it does not wait for the helper (a JVM start, about a second): the
 * call negotiates with the track at once and the picture follows. A helper that dies is started again. A
 * camera that cannot start or stays gone (unplugged, or sending nothing) is reported and the far side gets
 * the test pattern instead, on the same track.
 */
final class CameraVideoSource extends AbstractLocalVideoSource {

    private static final Logger LOG = LoggerFactory.getLogger(CameraVideoSource.class);
    /** A helper is a JVM: on a loaded two-core machine its first frame can take seconds. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** A started camera that sends nothing this long is taken for gone (a real camera unplugged mid-stream). */
    static final Duration STALL = Duration.ofSeconds(3);
    /** Helpers that end before their first frame or this soon after launch are failures; this many in a row end the camera. */
    private static final Duration QUICK_END = Duration.ofSeconds(10);
    private static final int FAILURES_BEFORE_GIVING_UP = 3;
    /** A helper that libwebrtc aborted (SIGABRT) as the camera started: its start race (docs/webrtc-findings.md). */
    private static final int ABORTED = 128 + 6;
    /**
     * Start races lost in a row before the camera is given up. Each costs a helper start (about a second); on a
     * loaded machine several in a row happen, and three, like other failures, stopped a working camera.
     */
    private static final int START_RACES_BEFORE_GIVING_UP = 10;
    private static final long JOIN_MILLIS = 5000;

    private final VideoDevice device;
    private final int width;
    private final int height;
    private final int fps;
    private final CustomVideoSource source;
    private final FrameProducer fallback;
    private final Consumer<String> problems;
    private final ScheduledExecutorService watchdog;
    private final Thread pump;
    private volatile CameraProcess helper;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean helperDelivering;
    private volatile boolean everDelivered;
    private volatile boolean hungAtStart;
    private volatile boolean closed;
    private ProducedFrames pattern; // guarded by this

    private CameraVideoSource(VideoDevice device, int width, int height, int fps, FrameProducer fallback,
                              Consumer<String> problems, CustomVideoSource source) {
        super(VideoSourceKind.CAMERA, device.getName(), source);
        this.device = device;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.source = source;
        this.fallback = fallback;
        this.problems = problems;
        this.pump = DaemonThreads.named("duet-camera").newThread(this::run);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duet-camera-watchdog"));
    }

    /**
     * Starts the camera's helper and returns at once. Failures, then or later, go to {@code problems} as a
     * sentence for the user, and {@code fallback} is sent instead.
     */
    static CameraVideoSource start(VideoDevice device, int width, int height, int fps, FrameProducer fallback,
                                   Consumer<String> problems) {
        CameraVideoSource camera = new CameraVideoSource(device, width, height, fps, fallback, problems,
                new CustomVideoSource());
        camera.pump.start();
        camera.watchdog.scheduleWithFixedDelay(camera::checkStalled, 1, 1, TimeUnit.SECONDS);
        return camera;
    }

    private void run() {
        int failures = 0;
        int startRaces = 0;
        while (!closed) {
            CameraProcess launched;
            try {
                launched = CameraProcess.launch(device.getDescriptor(), width, height, fps);
            } catch (IOException e) {
                giveUp("the camera helper could not be launched: " + e);
                return;
            }
            helperDelivering = false;
            lastProgressNanos = System.nanoTime();
            helper = launched;
            if (closed) { // close() may have looked before the helper was set
                launched.stop();
                return;
            }
            int exit = launched.pump(this::push);
            if (closed) {
                return;
            }
            boolean lostStartRace = exit == ABORTED && !helperDelivering;
            startRaces = lostStartRace ? startRaces + 1 : 0;
            if (!lostStartRace) {
                failures = !helperDelivering || launched.uptime().compareTo(QUICK_END) < 0 ? failures + 1 : 0;
            }
            if (exit == CameraHelper.EXIT_UNAVAILABLE || hungAtStart || failures >= FAILURES_BEFORE_GIVING_UP
                    || startRaces >= START_RACES_BEFORE_GIVING_UP) {
                giveUp(hungAtStart ? "no picture within " + START_TIMEOUT.toSeconds() + " s"
                        : "the camera helper ended with exit code " + exit);
                return;
            }
            // e.g. 134: libwebrtc aborted the helper as the camera started (docs/webrtc-findings.md)
            LOG.warn("The camera helper for {} ended with exit code {}; starting it again", device, exit);
        }
    }

    private void push(NativeI420Buffer buffer) {
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            synchronized (this) {
                if (!closed && pattern == null) {
                    source.pushFrame(frame);
                }
            }
        } finally {
            frame.release();
        }
        helperDelivering = true;
        everDelivered = true;
        lastProgressNanos = System.nanoTime();
    }

    /** A helper that delivered and then went quiet, or never delivers, is killed; {@link #run} decides what next. */
    private void checkStalled() {
        CameraProcess current = helper;
        Duration limit = helperDelivering ? STALL : START_TIMEOUT;
        if (current != null && !closed && System.nanoTime() - lastProgressNanos > limit.toNanos()) {
            LOG.warn("No frame from {} for {} s; stopping its helper", device, limit.toSeconds());
            hungAtStart = !helperDelivering;
            lastProgressNanos = System.nanoTime();
            current.kill();
        }
    }

    private void giveUp(String why) {
        LOG.warn("Camera {} stopped: {}", device, why);
        helper = null; // nothing left for the watchdog to stop
        synchronized (this) {
            if (closed) {
                return;
            }
            pattern = new ProducedFrames("camera-fallback", fallback, fps, source);
        }
        problems.accept("The camera \"" + device.getName() + "\" "
                + (everDelivered ? "stopped working. " : "could not be started. ") + VideoSources.PATTERN_INSTEAD);
    }

    /** Stops the helper, then the pump, then disposes the source nothing pushes into any more. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        CameraProcess current = helper;
        if (current != null) {
            current.stop();
        }
        try {
            pump.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (pattern != null) {
                pattern.stop();
            }
        }
        if (pump.isAlive()) {
            LOG.error("The camera pump did not stop; leaving its source undisposed rather than crash");
            return;
        }
        source.dispose();
    }

    @Override
    public String toString() {
        return "CameraVideoSource[" + label() + "]";
    }
}
