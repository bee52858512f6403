package app.duet.client.call;

import java.util.function.Consumer;

import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.LocalMedia;
import app.duet.client.call.media.LocalVideoSource;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.MediaUnavailableException;
import app.duet.client.call.media.VideoSourceKind;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.peer.PeerMedia;

/**
 * Which video a call sends: the camera or the pattern as its media plan has them, another camera picked
 * mid-call, or a screen. Used on the call thread.
 */
final class OutgoingVideo {

    private final MediaSettings settings;
    private final VideoSources sources;
    private final LocalMedia media;
    private final PeerMedia peerMedia;
    private final Consumer<String> problems;

    OutgoingVideo(MediaSettings settings, VideoSources sources, LocalMedia media, PeerMedia peerMedia,
                  Consumer<String> problems) {
        this.settings = settings;
        this.sources = sources;
        this.media = media;
        this.peerMedia = peerMedia;
        this.problems = problems;
    }

    /** The video the call starts with, unless it starts without. */
    void start() {
        if (settings.video() != VideoChoice.NONE) {
            peerMedia.useVideo(open(settings.video()));
        }
    }

    void use(VideoChoice choice) {
        peerMedia.useVideo(open(choice));
    }

    /** Another camera (the pattern when it cannot start). */
    void useCamera(String deviceId) {
        peerMedia.useVideo(sources.cameraOrFallback(settings.withCamera(deviceId), problems));
    }

    void shareScreen(DisplayInfo display) throws MediaUnavailableException {
        peerMedia.useVideo(sources.screen(display));
    }

    /** Back to the camera, or the pattern when the call started with it. */
    void stopScreenShare() {
        if (isSharingScreen()) {
            use(settings.video() == VideoChoice.SYNTHETIC ? VideoChoice.SYNTHETIC : VideoChoice.CAMERA);
        }
    }

    /** Safe from any thread. */
    boolean isSharingScreen() {
        return media.videoKind() == VideoSourceKind.SCREEN;
    }

    private LocalVideoSource open(VideoChoice choice) {
        return settings.plan().video(choice, settings, sources, problems);
    }
}
