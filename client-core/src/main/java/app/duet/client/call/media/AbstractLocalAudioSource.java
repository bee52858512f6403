package app.duet.client.call.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;

/** What every local audio source answers alike: its label and the native source its track reads. */
abstract class AbstractLocalAudioSource implements LocalAudioSource {

    private final String label;
    private final AudioTrackSource trackSource;

    AbstractLocalAudioSource(String label, AudioTrackSource trackSource) {
        this.label = label;
        this.trackSource = trackSource;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final AudioTrackSource trackSource() {
        return trackSource;
    }
}
