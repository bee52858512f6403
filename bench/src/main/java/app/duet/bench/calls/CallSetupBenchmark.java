package app.duet.bench.calls;

import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.model.CallState;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call set-up time: from ann pressing Call (ring) to the first decoded remote video frame on each
 * side (video calls), or to the first remote audio above silence (audio calls), through the server.
 */
final class CallSetupBenchmark {
    private static final Logger log = LoggerFactory.getLogger(CallSetupBenchmark.class);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    /** Remote audio counts as heard once the level meter (RMS, 0..1) passes this; the tone is ~0.2. */
    private static final double AUDIBLE = 0.01;

    /**
     * Set-up times in milliseconds on the caller's and the callee's side, from the ring and from the callee's
     * accept (the part a person waits through after pressing Accept); {@code media} names what was sent.
     */
    record Result(String media, boolean video, Histogram caller, Histogram callee, Histogram callerFromAccept,
                  Histogram calleeFromAccept, int calls, int failed) {
    }

    /** Video calls with the synthetic camera and tone, or audio calls with the tone. */
    Result run(CallRig rig, boolean video, int calls, int width, int height) throws Exception {
        return run(rig, video ? "video" : "audio (synthetic tone)", video, calls, width, height, AudioChoice.SYNTHETIC);
    }

    /** Audio calls from the sound server's default microphone (the rig must have real audio). */
    Result runMicrophone(CallRig rig, int calls) throws Exception {
        return run(rig, "audio (microphone: PulseAudio, a sine)", false, calls, 640, 480, AudioChoice.MICROPHONE);
    }

    private Result run(CallRig rig, String media, boolean video, int calls, int width, int height, AudioChoice audio)
            throws Exception {
        Histogram caller = new Histogram(60_000, 3);
        Histogram callee = new Histogram(60_000, 3);
        Histogram callerFromAccept = new Histogram(60_000, 3);
        Histogram calleeFromAccept = new Histogram(60_000, 3);
        int failed = 0;
        CallRig.Side[] sides = rig.open(width, height, 30, audio);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < calls; i++) {
                try {
                    long[] firsts = oneCall(sides, video, poller);
                    caller.recordValue(Math.max(1, firsts[0]));
                    callee.recordValue(Math.max(1, firsts[1]));
                    callerFromAccept.recordValue(Math.max(1, firsts[2]));
                    calleeFromAccept.recordValue(Math.max(1, firsts[3]));
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    failed++;
                    log.warn("call {} failed: {}", i + 1, e.toString());
                }
                hangUp(rig, sides);
            }
        } finally {
            poller.shutdownNow();
            sides[0].close();
            sides[1].close();
        }
        return new Result(media, video, caller, callee, callerFromAccept, calleeFromAccept, calls, failed);
    }

    /**
     * Rings and returns the ms to the first remote frame or sound: [caller, callee] from the ring, then [caller,
     * callee] from the callee's accept.
     */
    private long[] oneCall(CallRig.Side[] sides, boolean video, ScheduledExecutorService poller) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Long> annFirst = firstMedia(sides[0], video, start, poller);
        CompletableFuture<Long> bobFirst = firstMedia(sides[1], video, start, poller);
        sides[0].engine().ring(CallRig.CHANNEL, video).get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long ann = annFirst.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long bob = bobFirst.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        long accepted = sides[1].listener().acceptedNanos;
        return new long[] {(ann - start) / 1_000_000, (bob - start) / 1_000_000, (ann - accepted) / 1_000_000,
                (bob - accepted) / 1_000_000};
    }

    /** Completes with the nanoTime of the first remote frame converted, or remote audio heard, after start. */
    private CompletableFuture<Long> firstMedia(CallRig.Side side, boolean video, long start,
                                               ScheduledExecutorService poller) {
        CompletableFuture<Long> first = new CompletableFuture<>();
        if (video) {
            // The holder outlives calls: a frame of the call just hung up may still arrive after this ring
            // started, so a frame counts only once this call is negotiating.
            side.remote().consumer(frame -> {
                if (frame.receivedNanos() > start && side.engine().state().isNegotiated()) {
                    first.complete(frame.receivedNanos());
                }
            });
        } else {
            ScheduledFuture<?> poll = poller.scheduleAtFixedRate(() -> {
                if (side.engine().controls().remoteAudioLevel() > AUDIBLE) {
                    first.complete(System.nanoTime());
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            first.whenComplete((t, e) -> poll.cancel(false));
        }
        return first.orTimeout(CALL_LIMIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** Ends the call and waits until both sides are idle and its teardown is over (see {@link CallRig#callsReleased}). */
    private void hangUp(CallRig rig, CallRig.Side[] sides) throws Exception {
        sides[0].remote().consumer(frame -> { });
        sides[1].remote().consumer(frame -> { });
        if (sides[0].engine().state() != CallState.IDLE) {
            sides[0].engine().hangup().get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        Waits.until(() -> sides[0].engine().state() == CallState.IDLE && sides[1].engine().state() == CallState.IDLE,
                CALL_LIMIT, "both sides idle after hang-up");
        Waits.until(rig::callsReleased, CALL_LIMIT, "the calls' native objects released");
    }
}
