package app.duet.client.call.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/** What every local video source answers alike: its kind, its label and the native source its track reads. */
abstract class AbstractLocalVideoSource implements LocalVideoSource {

    private final VideoSourceKind kind;
    private final String label;
    private final VideoTrackSource trackSource;

    AbstractLocalVideoSource(VideoSourceKind kind, String label, VideoTrackSource trackSource) {
        this.kind = kind;
        this.label = label;
        this.trackSource = trackSource;
    }

    @Override
    public final VideoSourceKind kind() {
        return kind;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final VideoTrackSource trackSource() {
        return trackSource;
    }
}
