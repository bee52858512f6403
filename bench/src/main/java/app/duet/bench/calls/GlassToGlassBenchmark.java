package app.duet.bench.calls;

import app.duet.bench.WorstBySecond;
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.model.CallState;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture-to-display latency. The synthetic camera draws its capture time (ms) into the top rows of
 * every frame; the far side reads it back from the decoded, converted frame when the "UI" (a
 * {@link FrameTap}) takes it, and subtracts it from the wall time the frame was converted at.
 * Both directions of one call are measured together after a warm-up.
 */
final class GlassToGlassBenchmark {
    private static final Logger log = LoggerFactory.getLogger(GlassToGlassBenchmark.class);
    private static final long TIME_MODULUS = 1L << 40;

    record Result(int width, int height, int fps, boolean audio, Histogram latencyMs, double decodedFps, long unreadable,
                  Map<String, Long> receivedSizes) {
    }

    /** {@code audio}: whether the call also carries audio (then libwebrtc delays video for lip sync). */
    Result run(CallRig rig, int width, int height, int fps, boolean audio, Duration warmup, Duration measure)
            throws Exception {
        // On a sound server the microphone is the source, as in the app (pushed audio is for the headless module).
        AudioChoice sent = !audio ? AudioChoice.NONE : rig.hasRealAudio() ? AudioChoice.MICROPHONE : AudioChoice.SYNTHETIC;
        CallRig.Side[] sides = rig.open(width, height, fps, sent);
        try {
            sides[0].engine().ring(CallRig.CHANNEL, true).get(20, TimeUnit.SECONDS);
            Waits.until(() -> sides[0].engine().state() == CallState.CONNECTED
                    && sides[1].engine().state() == CallState.CONNECTED, Duration.ofSeconds(20), "call connected");
            TimeUnit.MILLISECONDS.sleep(warmup.toMillis());

            Recorder latency = new Recorder(60_000, 3);
            LongAdder unreadable = new LongAdder();
            Map<String, Long> sizes = new ConcurrentHashMap<>();
            long measureFrom = System.nanoTime();
            WorstBySecond worstBySecond = new WorstBySecond((int) measure.toSeconds());
            for (CallRig.Side side : sides) {
                side.remote().consumer(frame -> read(frame, latency, unreadable, sizes, measureFrom, worstBySecond));
            }
            long framesBefore = sides[0].engine().controls().remoteVideo().publishedFrames()
                    + sides[1].engine().controls().remoteVideo().publishedFrames();
            TimeUnit.MILLISECONDS.sleep(measure.toMillis());
            long frames = sides[0].engine().controls().remoteVideo().publishedFrames()
                    + sides[1].engine().controls().remoteVideo().publishedFrames() - framesBefore;
            for (CallRig.Side side : sides) {
                side.remote().consumer(frame -> { });
            }
            // A tail that grows through the call (audio and video drifting apart) shows here, not in percentiles.
            log.info("{}x{} {} audio: worst latency (ms) in each second of the measurement: {}", width, height,
                    audio ? "with" : "without", worstBySecond.line(measure.toSeconds(), 1));
            sides[0].engine().hangup().get(20, TimeUnit.SECONDS);
            return new Result(width, height, fps, audio, latency.getIntervalHistogram(),
                    frames / 2.0 / (measure.toMillis() / 1000.0), unreadable.sum(), Map.copyOf(sizes));
        } finally {
            sides[0].close();
            sides[1].close();
        }
    }

    private static void read(ArgbFrame frame, Recorder latency, LongAdder unreadable, Map<String, Long> sizes,
                             long measureFrom, WorstBySecond worstBySecond) {
        long convertedWallMs = System.currentTimeMillis() - (System.nanoTime() - frame.receivedNanos()) / 1_000_000;
        int rows = Math.min(frame.height(), FrameStamp.stampHeight(frame.width()));
        int[] top = new int[frame.width() * rows];
        IntBuffer pixels = frame.pixels();
        pixels.get(top);
        sizes.merge(frame.width() + "x" + frame.height(), 1L, Long::sum);
        OptionalLong number = FrameStamp.decodeFrameNumber(top, frame.width(), rows);
        if (number.isEmpty()) {
            unreadable.increment();
            return;
        }
        long captured = FrameStamp.decodeTimeBits(top, frame.width());
        long ms = Math.floorMod(FrameStamp.timeBits(convertedWallMs) - captured, TIME_MODULUS);
        long clamped = Math.max(0, Math.min(ms, 60_000));
        latency.recordValue(clamped);
        worstBySecond.record((frame.receivedNanos() - measureFrom) / 1_000_000_000L, clamped);
    }
}
