package app.duet.client.call.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioOptions;

/** The real microphone, captured by the audio device module, with echo cancellation, noise suppression and AGC. */
final class MicrophoneAudioSource extends AbstractLocalAudioSource {

    MicrophoneAudioSource(PeerConnectionFactory factory, String label) {
        super(label, factory.createAudioSource(processing()));
    }

    private static AudioOptions processing() {
        AudioOptions options = new AudioOptions();
        options.echoCancellation = true;
        options.noiseSuppression = true;
        options.autoGainControl = true;
        options.highpassFilter = true;
        return options;
    }

    @Override
    public boolean isPushed() {
        return false;
    }

    @Override
    public void setPushing(boolean pushing) {
        // Captured by the audio device module; nothing to hold.
    }

    @Override
    public void close() {
        // An AudioTrackSource from the factory has no dispose in 0.14.0; releasing its track frees it.
    }
}
