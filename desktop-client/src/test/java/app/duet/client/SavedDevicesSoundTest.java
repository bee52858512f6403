package app.duet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.config.ClientSettings;
import app.duet.client.testing.PrivateSoundServer;
import app.duet.client.testing.SoundServer;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;

/** The microphone and speaker chosen in an earlier run are in use again after a start. */
@PrivateSoundServer
class SavedDevicesSoundTest {

    @Test
    void the_saved_microphone_and_speaker_are_chosen_at_start(SoundServer sound) {
        ClientSettings saved = ClientSettings.defaults("ws://127.0.0.1:1")
                .withDevices("", SoundServer.SILENT_MIC, SoundServer.SPEAKER_B);
        try (MediaEngine engine = MediaEngine.start(AudioMode.AUTO)) {
            SavedDevices.apply(saved, engine);

            assertThat(engine.chosenMicrophone()).isEqualTo(SoundServer.SILENT_MIC);
            await().atMost(Waits.DEVICE).until(sound::playbackSinks,
                    sinks -> sinks.equals(List.of(SoundServer.SPEAKER_B)));
        }
    }

    @Test
    void a_saved_device_that_is_gone_leaves_the_defaults(SoundServer sound) {
        ClientSettings saved = ClientSettings.defaults("ws://127.0.0.1:1").withDevices("", "unplugged", "unplugged");
        try (MediaEngine engine = MediaEngine.start(AudioMode.AUTO)) {
            SavedDevices.apply(saved, engine);

            assertThat(engine.chosenMicrophone()).isNull();
            await().atMost(Waits.DEVICE).until(sound::playbackSinks,
                    sinks -> sinks.equals(List.of(SoundServer.SPEAKER_A)));
        }
    }
}
