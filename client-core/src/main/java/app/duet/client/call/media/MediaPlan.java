package app.duet.client.call.media;

import java.util.Optional;
import java.util.function.Consumer;

import app.duet.client.call.media.MediaSettings.VideoChoice;

/**
 * What a call sends, and what it does when the far side's media arrives. The app's plan ({@link #ownMedia()})
 * sends our microphone (or tone) and camera (or pattern) and only shows and plays what arrives; a program may
 * supply another, e.g. a bot that sends the far side's own media back. The call asks its plan and never
 * decides this itself; a screen share or a camera picked by id is always what was asked for.
 */
public interface MediaPlan {

    /** Our own audio and video: what the app sends. */
    static MediaPlan ownMedia() {
        return OwnMediaPlan.INSTANCE;
    }

    /** The outgoing audio of a call that sends audio ({@link MediaSettings#audio()} is not NONE). */
    LocalAudioSource audio(MediaEngine engine, MediaSettings settings);

    /**
     * The outgoing video when a call starts with, or goes back to, {@code choice} (the camera or the pattern).
     *
     * @param problems where to say why the source is not what was asked for (e.g. no camera)
     */
    LocalVideoSource video(VideoChoice choice, MediaSettings settings, VideoSources sources,
                           Consumer<String> problems);

    /**
     * The far side's video has started to arrive while we send video of kind {@code sending} (null: none): the
     * video to send from now on, or empty to keep ours.
     */
    Optional<LocalVideoSource> whenRemoteVideoArrives(VideoSourceKind sending);
}
