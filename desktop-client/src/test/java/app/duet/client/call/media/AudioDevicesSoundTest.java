package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import app.duet.client.testing.PrivateSoundServer;
import app.duet.client.testing.SoundServer;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;

/** The real audio device module against a private PulseAudio: what the engine lists, and how it lets go. */
@PrivateSoundServer
class AudioDevicesSoundTest {

    @Test
    void lists_the_virtual_microphones_and_speakers_with_the_server_defaults(SoundServer sound) {
        try (MediaEngine engine = MediaEngine.start(AudioMode.AUTO)) {
            assertThat(engine.hasRealAudio()).isTrue();
            // Sink monitors are sources too, but no microphone.
            assertThat(engine.devices().microphones()).containsExactlyInAnyOrder(
                    new DeviceInfo(DeviceInfo.Kind.MICROPHONE, SoundServer.TONE_MIC, "Tone-Mic", true),
                    new DeviceInfo(DeviceInfo.Kind.MICROPHONE, SoundServer.SILENT_MIC, "Silent-Mic", false));
            assertThat(engine.devices().speakers()).containsExactlyInAnyOrder(
                    new DeviceInfo(DeviceInfo.Kind.SPEAKER, SoundServer.SPEAKER_A, "Speaker-A", true),
                    new DeviceInfo(DeviceInfo.Kind.SPEAKER, SoundServer.SPEAKER_B, "Speaker-B", false));
            assertThat(engine.selectMicrophone("no-such-source")).isFalse();
            assertThat(engine.selectSpeaker("no-such-sink")).isFalse();
        }
    }

    @Test
    void selecting_a_microphone_and_a_speaker_moves_the_module_streams_to_them(SoundServer sound) {
        try (MediaEngine engine = MediaEngine.start(AudioMode.AUTO)) {
            assertThat(engine.selectMicrophone(SoundServer.SILENT_MIC)).isTrue();
            await().atMost(Waits.DEVICE).untilAsserted(() ->
                    assertThat(sound.recordingSources()).containsExactly(SoundServer.SILENT_MIC));
            assertThat(engine.selectMicrophone(SoundServer.TONE_MIC)).isTrue();
            await().atMost(Waits.DEVICE).untilAsserted(() ->
                    assertThat(sound.recordingSources()).containsExactly(SoundServer.TONE_MIC));

            assertThat(engine.selectSpeaker(SoundServer.SPEAKER_B)).isTrue();
            await().atMost(Waits.DEVICE).untilAsserted(() ->
                    assertThat(sound.playbackSinks()).containsExactly(SoundServer.SPEAKER_B));
            assertThat(engine.selectSpeaker(SoundServer.SPEAKER_A)).isTrue();
            await().atMost(Waits.DEVICE).untilAsserted(() ->
                    assertThat(sound.playbackSinks()).containsExactly(SoundServer.SPEAKER_A));
        }
    }

    @Test
    void playout_runs_on_the_default_speaker_and_close_releases_every_stream(SoundServer sound) {
        MediaEngine engine = MediaEngine.start(AudioMode.AUTO);
        assertThat(engine.hasRealAudio()).isTrue();
        await().atMost(Waits.DEVICE).until(sound::playbackSinks,
                sinks -> sinks.equals(java.util.List.of(SoundServer.SPEAKER_A)));

        engine.close();

        await().atMost(Waits.DEVICE).untilAsserted(() -> {
            assertThat(sound.playbackSinks()).as("playback streams left on the server").isEmpty();
            assertThat(sound.recordingSources()).as("recording streams left on the server").isEmpty();
        });
    }
}
