package app.duet.client.headless;

import java.util.Optional;
import java.util.function.Consumer;

import app.duet.client.call.media.ForwardedAudioSource;
import app.duet.client.call.media.ForwardedVideoSource;
import app.duet.client.call.media.LocalAudioSource;
import app.duet.client.call.media.LocalVideoSource;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaPlan;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.VideoSourceKind;
import app.duet.client.call.media.VideoSources;

/**
 * The echo bot's media: it sends back what the far side sends, picture and sound, instead of its own. The
 * settings' video and audio choices only say whether a call starts with video and audio; when the far side
 * adds video to a call that had none, the bot sends that back too.
 */
public final class EchoMediaPlan implements MediaPlan {

    @Override
    public LocalAudioSource audio(MediaEngine engine, MediaSettings settings) {
        return new ForwardedAudioSource("Echo of the far side's sound");
    }

    @Override
    public LocalVideoSource video(VideoChoice choice, MediaSettings settings, VideoSources sources,
                                  Consumer<String> problems) {
        return forwardedVideo();
    }

    @Override
    public Optional<LocalVideoSource> whenRemoteVideoArrives(VideoSourceKind sending) {
        return sending == VideoSourceKind.FORWARDED ? Optional.empty() : Optional.of(forwardedVideo());
    }

    private static LocalVideoSource forwardedVideo() {
        return new ForwardedVideoSource("Echo of the far side's video");
    }

    @Override
    public String toString() {
        return "echo";
    }
}
