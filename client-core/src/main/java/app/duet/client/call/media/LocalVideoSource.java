package app.duet.client.call.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/** A started source of outgoing video; closing it stops capture and disposes the native source. */
public interface LocalVideoSource extends AutoCloseable {

    VideoSourceKind kind();

    /** A short human-readable name ("Integrated Camera", "Screen 1", "Test pattern"). */
    String label();

    VideoTrackSource trackSource();

    @Override
    void close();
}
