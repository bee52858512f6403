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
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.model.CallState;
import app.duet.client.testing.PrivateSoundServer;
import app.duet.client.testing.SoundServer;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio calls through the real audio device module and a private PulseAudio: the caller speaks into the
 * sine microphone, the callee listens through a virtual speaker. Each side has its own engine (its own
 * connection to the sound server), as two processes would.
 */
@PrivateSoundServer
class RealAudioCallSoundTest {

    private static final Duration WAIT = Waits.SLOW_CALL;
    /** The sine microphone is at half scale (RMS ~0.35); speech processing may lower it, silence is ~0. */
    private static final double HEARD = 0.05;
    private static final double SILENT = 0.005;

    @TempDir
    Path downloads;
    private MediaEngine callerEngine;
    private MediaEngine calleeEngine;

    @BeforeEach
    void startEngines() {
        callerEngine = MediaEngine.start(AudioMode.AUTO);
        calleeEngine = MediaEngine.start(AudioMode.AUTO);
        assertThat(callerEngine.hasRealAudio() && calleeEngine.hasRealAudio()).as("real audio on both sides").isTrue();
    }

    @AfterEach
    void closeEngines() {
        callerEngine.close();
        calleeEngine.close();
    }

    @Test
    void the_far_side_hears_the_microphone_and_follows_a_switch_to_a_silent_one_and_back(SoundServer sound) {
        try (CallPair pair = audioCall()) {
            await("callee hears the sine microphone").atMost(WAIT).until(pair.callee::remoteAudioLevel, l -> l > HEARD);

            assertThat(callerEngine.selectMicrophone(SoundServer.SILENT_MIC)).isTrue();
            await("callee hears only silence for a second").during(Duration.ofSeconds(1)).atMost(WAIT)
                    .until(pair.callee::remoteAudioLevel, l -> l < SILENT);
            assertThat(sound.recordingSources()).containsOnly(SoundServer.SILENT_MIC);

            assertThat(callerEngine.selectMicrophone(SoundServer.TONE_MIC)).isTrue();
            await("callee hears the sine again").atMost(WAIT).until(pair.callee::remoteAudioLevel, l -> l > HEARD);
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void switching_the_speaker_mid_call_moves_what_the_callee_plays_to_the_other_sink(SoundServer sound) {
        try (CallPair pair = audioCall()) {
            await().atMost(WAIT).until(pair.callee::remoteAudioLevel, l -> l > HEARD);
            await("the sine plays on speaker A").atMost(WAIT)
                    .until(() -> sound.monitorLevel(SoundServer.SPEAKER_A), l -> l > HEARD);
            assertThat(sound.monitorLevel(SoundServer.SPEAKER_B)).as("speaker B before the switch").isLessThan(SILENT);

            assertThat(calleeEngine.selectSpeaker(SoundServer.SPEAKER_B)).isTrue();

            // The caller's engine still plays (silence) on A; the callee's stream moved to B.
            await("a stream plays on each speaker").atMost(WAIT).untilAsserted(() -> assertThat(sound.playbackSinks())
                    .containsExactlyInAnyOrder(SoundServer.SPEAKER_A, SoundServer.SPEAKER_B));
            await("the sine plays on speaker B").atMost(WAIT)
                    .until(() -> sound.monitorLevel(SoundServer.SPEAKER_B), l -> l > HEARD);
            await("speaker A falls silent").atMost(WAIT)
                    .until(() -> sound.monitorLevel(SoundServer.SPEAKER_A), l -> l < SILENT);
            await("the remote level still shows the sine").atMost(WAIT)
                    .until(pair.callee::remoteAudioLevel, l -> l > HEARD);
        }
    }

    @Test
    void the_chosen_microphone_and_speaker_hold_for_the_next_call(SoundServer sound) {
        assertThat(callerEngine.selectMicrophone(SoundServer.SILENT_MIC)).isTrue();
        assertThat(calleeEngine.selectSpeaker(SoundServer.SPEAKER_B)).isTrue();
        for (int call = 1; call <= 2; call++) {
            try (CallPair pair = audioCall()) {
                // libwebrtc reopens the module's recording and playout when a call starts sending and receiving.
                await("call " + call + " records only the silent microphone").atMost(WAIT).untilAsserted(() ->
                        assertThat(sound.recordingSources()).containsOnly(SoundServer.SILENT_MIC));
                await("call " + call + " plays the callee on speaker B").atMost(WAIT).untilAsserted(() ->
                        assertThat(sound.playbackSinks()).containsExactlyInAnyOrder(SoundServer.SPEAKER_A,
                                SoundServer.SPEAKER_B));
                await("call " + call + ": the callee hears silence").during(Duration.ofSeconds(1)).atMost(WAIT)
                        .until(pair.callee::remoteAudioLevel, l -> l < SILENT);
            }
        }
    }

    private CallPair audioCall() {
        MediaSettings caller = MediaSettings.defaults("Caller").withVideo(VideoChoice.NONE);
        MediaSettings callee = new MediaSettings("Callee", VideoChoice.NONE, null, AudioChoice.MICROPHONE,
                SoundServer.SILENT_MIC, 640, 480, 30, MediaPlan.ownMedia());
        CallPair pair = new CallPair(callerEngine, calleeEngine, caller, callee, downloads, List.of(), false).start();
        TwoPeerCallTest.awaitConnected(pair);
        return pair;
    }
}
