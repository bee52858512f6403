package app.duet.client.call.media;

import java.util.Optional;

import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrackSource;

/** A started source of outgoing video; closing it stops capture and disposes the native source. */
public interface LocalVideoSource extends AutoCloseable {

    VideoSourceKind kind();

    /** A short human-readable name ("Integrated Camera", "Screen 1", "Test pattern"). */
    String label();

    VideoTrackSource trackSource();

    /** Where received video goes when this source sends it on; empty for a source of its own. */
    default Optional<VideoTrackSink> receivedVideoSink() {
        return Optional.empty();
    }

    @Override
    void close();
}
