package app.duet.client.call.media;

import java.util.Optional;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;

/** A source of outgoing audio; closing it stops capture and disposes the native source. */
public interface LocalAudioSource extends AutoCloseable {

    String label();

    AudioTrackSource trackSource();

    /**
     * True for audio pushed from Java. Such a source must not push while the audio module records (libwebrtc
     * aborts the JVM with RaceDetected), so the call holds it with {@link #setPushing} during negotiation
     * and stops the module's recording before releasing it.
     */
    boolean isPushed();

    /** Starts or holds pushing; a no-op for captured audio. Returns once no push is in flight. */
    void setPushing(boolean pushing);

    /** Where received audio goes when this source sends it on; empty for a source of its own. */
    default Optional<AudioTrackSink> receivedAudioSink() {
        return Optional.empty();
    }

    @Override
    void close();
}
