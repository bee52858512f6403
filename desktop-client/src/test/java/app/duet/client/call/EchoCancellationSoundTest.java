package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaPlan;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.testing.PrivateSoundServer;
import app.duet.client.testing.SoundServer;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real microphone's echo cancellation: the callee's "microphone" hears exactly what its speaker plays
 * (a source remapped from the speaker's monitor), as a laptop without headphones does. Without echo
 * cancellation the caller would hear its own sine come back.
 */
@PrivateSoundServer
class EchoCancellationSoundTest {

    private static final Duration WAIT = Waits.SLOW_CALL;
    private static final String ECHO_MIC = "mic_echo";

    @TempDir
    Path downloads;

    @Test
    void the_caller_does_not_hear_its_own_voice_back_from_the_callees_speaker(SoundServer sound) throws Exception {
        try (AutoCloseable echoMic = sound.loadModule("module-remap-source", "source_name=" + ECHO_MIC,
                "master=" + SoundServer.SPEAKER_B + ".monitor", "source_properties=device.description=Echo-Mic");
             MediaEngine callerEngine = MediaEngine.start(AudioMode.AUTO);
             MediaEngine calleeEngine = MediaEngine.start(AudioMode.AUTO)) {
            assertThat(calleeEngine.selectSpeaker(SoundServer.SPEAKER_B)).isTrue();
            MediaSettings caller = MediaSettings.defaults("Caller").withVideo(VideoChoice.NONE);
            MediaSettings callee = new MediaSettings("Callee", VideoChoice.NONE, null,
                    MediaSettings.AudioChoice.MICROPHONE, ECHO_MIC, 640, 480, 30, MediaPlan.ownMedia());
            try (CallPair pair = new CallPair(callerEngine, calleeEngine, caller, callee, downloads, List.of(), false)
                    .start()) {
                TwoPeerCallTest.awaitConnected(pair);
                await("the callee plays the caller's sine").atMost(WAIT)
                        .until(() -> sound.monitorLevel(SoundServer.SPEAKER_B), l -> l > 0.05);
                assertThat(sound.recordingSources()).contains(ECHO_MIC);

                await("the echo is cancelled: the caller hears (almost) nothing back").atMost(WAIT)
                        .during(Duration.ofSeconds(2))
                        .until(pair.caller::remoteAudioLevel, l -> l < 0.02);

                // Control: the callee's sending path works, so the silence above was the canceller's doing.
                assertThat(calleeEngine.selectMicrophone(SoundServer.TONE_MIC)).isTrue();
                await("the caller hears the callee's own sine").atMost(WAIT)
                        .until(pair.caller::remoteAudioLevel, l -> l > 0.05);
            }
        }
    }
}
