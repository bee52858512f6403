package app.duet.client.call;

import static app.duet.client.call.TwoPeerCallTest.awaitConnected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.headless.EchoMediaPlan;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call whose far side forwards what it receives (the echo bot's media): the caller gets its own stamped
 * frames and its own tone back, and muting the microphone silences the echo.
 */
class EchoMediaTest {

    private static final Duration WAIT = Waits.CALL;

    @TempDir
    Path downloads;

    @Test
    void the_far_side_sends_back_the_callers_own_frames_and_tone() {
        // 16:9 at the caller; the echo side's own pattern would be 4:3, so a 16:9 frame can only be ours.
        MediaSettings ann = MediaSettings.synthetic("Ann").withSize(480, 270, 15);
        MediaSettings echo = MediaSettings.synthetic("Echo").withPlan(new EchoMediaPlan());
        // Each side has its own audio module, as two processes would: both push audio.
        try (MediaEngine annEngine = MediaEngine.start(AudioMode.HEADLESS);
             MediaEngine echoEngine = MediaEngine.start(AudioMode.HEADLESS);
             CallPair pair = new CallPair(annEngine, echoEngine, ann, echo, downloads, List.of(), false).start()) {
            awaitConnected(pair);

            ArgbFrame back = await("Ann's own stamped frames come back").atMost(WAIT)
                    .until(() -> pair.caller.remoteVideo().poll(), f -> f != null && isOwnShape(f) && stamp(f) >= 0);
            long echoed = stamp(back);
            long sent = stamp(await().atMost(WAIT).until(() -> pair.caller.selfView().poll(), f -> f != null));
            assertThat(echoed).as("a frame Ann sent within the last two seconds").isBetween(sent - 30, sent);
            await("Ann hears her tone back").atMost(WAIT).until(() -> pair.caller.remoteAudioLevel() > 0.05);

            pair.caller.setMicrophoneMuted(true);
            await("the echo falls silent").atMost(WAIT).until(() -> pair.caller.remoteAudioLevel() < 0.01);
            pair.caller.setMicrophoneMuted(false);
            await("and comes back").atMost(WAIT).until(() -> pair.caller.remoteAudioLevel() > 0.05);
            assertThat(pair.callee.remoteAudioLevel()).as("what the echo side hears").isGreaterThan(0.05);
        }
    }

    private static boolean isOwnShape(ArgbFrame frame) {
        return Math.abs((double) frame.width() / frame.height() - 16.0 / 9) < 0.05;
    }

    private static long stamp(ArgbFrame frame) {
        return FrameStamp.decodeFrameNumber(frame.toIntArray(), frame.width(), frame.height()).orElse(-1);
    }
}
