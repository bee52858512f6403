package app.duet.client.call.media;

import java.util.Optional;
import java.util.function.Consumer;

import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.media.MediaSettings.VideoChoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's media plan: the real microphone (the tone when asked for, or when there is no sound device) and
 * the camera (the pattern when asked for, or when the camera cannot start); what arrives is only shown and
 * played.
 */
final class OwnMediaPlan implements MediaPlan {

    static final OwnMediaPlan INSTANCE = new OwnMediaPlan();
    private static final Logger LOG = LoggerFactory.getLogger(OwnMediaPlan.class);

    private OwnMediaPlan() {
    }

    @Override
    public LocalAudioSource audio(MediaEngine engine, MediaSettings settings) {
        if (settings.audio() == AudioChoice.SYNTHETIC || !engine.hasRealAudio()) {
            return ToneFeed.source(440, 0.3);
        }
        String microphone = settings.microphoneId() != null ? settings.microphoneId() : engine.chosenMicrophone();
        if (microphone != null && !engine.selectMicrophone(microphone)) {
            LOG.warn("The chosen microphone is gone; using the default one");
        }
        return new MicrophoneAudioSource(engine.factory(), "Microphone");
    }

    @Override
    public LocalVideoSource video(VideoChoice choice, MediaSettings settings, VideoSources sources,
                                  Consumer<String> problems) {
        return choice == VideoChoice.SYNTHETIC ? sources.synthetic(settings)
                : sources.cameraOrFallback(settings, problems);
    }

    @Override
    public Optional<LocalVideoSource> whenRemoteVideoArrives(VideoSourceKind sending) {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "own media";
    }
}
