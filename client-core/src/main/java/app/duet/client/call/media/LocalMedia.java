package app.duet.client.call.media;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.video.LatestFrameHolder;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the local audio and video sources and their tracks, and feeds the self-view. A call may have no
 * audio (benchmarks): then the audio source and track are null and the audio methods do nothing. A call's senders
 * reference these tracks; the call must detach them (removeTrack / replaceTrack) before they are disposed.
 * Not thread-safe: the call uses it from its own serial thread.
 */
public final class LocalMedia implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMedia.class);

    private final PeerConnectionFactory factory;
    private final AudioDeviceModuleBase audioModule;
    private final LatestFrameHolder selfView;
    private final TrackFrameConverter selfViewSink;
    private final LocalAudioSource audioSource; // null: no audio
    private final AudioTrack audioTrack; // null: no audio
    private volatile LocalVideoSource videoSource; // read by other threads for status
    private VideoTrack videoTrack;

    /** {@code audioSource} may be null for a call without audio. */
    public LocalMedia(MediaEngine engine, LocalAudioSource audioSource, LatestFrameHolder selfView) {
        this.factory = engine.factory();
        this.audioModule = engine.audioModule();
        this.selfView = selfView;
        this.selfViewSink = new TrackFrameConverter(selfView);
        this.audioSource = audioSource;
        this.audioTrack = audioSource == null ? null : factory.createAudioTrack(nextId("audio"), audioSource.trackSource());
    }

    /** The outgoing audio the settings' media plan picks, or null for a call without audio. */
    public static LocalAudioSource audioSource(MediaEngine engine, MediaSettings settings) {
        // libwebrtc reopens the default devices for each call unless ours already run (see MediaEngine).
        engine.reopenChosenSpeaker();
        if (settings.audio() == AudioChoice.NONE) {
            return null;
        }
        return settings.plan().audio(engine, settings);
    }

    private static String nextId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    /** The outgoing audio track, or null in a call without audio. */
    public AudioTrack audioTrack() {
        return audioTrack;
    }

    /** The current outgoing video track, or null in an audio-only call. */
    public VideoTrack videoTrack() {
        return videoTrack;
    }

    /** Where received audio goes to be sent on, when our audio source sends it (see {@link MediaPlan}). */
    public Optional<AudioTrackSink> audioForwarding() {
        return audioSource == null ? Optional.empty() : audioSource.receivedAudioSink();
    }

    /** Where received video goes to be sent on, when our video source sends it (see {@link MediaPlan}). */
    public Optional<VideoTrackSink> videoForwarding() {
        return videoSource == null ? Optional.empty() : videoSource.receivedVideoSink();
    }

    public VideoSourceKind videoKind() {
        return videoSource == null ? null : videoSource.kind();
    }

    public LatestFrameHolder selfView() {
        return selfView;
    }

    /**
     * Makes {@code source} the outgoing video. {@code rebind} receives the new track and must attach it
     * (add or replace it on the sender) before the previous track and source are disposed.
     */
    public void switchVideo(LocalVideoSource source, Consumer<VideoTrack> rebind) {
        VideoTrack previousTrack = videoTrack;
        LocalVideoSource previousSource = videoSource;
        VideoTrack track = factory.createVideoTrack(nextId("video"), source.trackSource());
        track.addSink(selfViewSink);
        boolean enabled = previousTrack == null || previousTrack.isEnabled();
        track.setEnabled(enabled);
        rebind.accept(track);
        videoSource = source;
        videoTrack = track;
        if (previousTrack != null) {
            previousTrack.removeSink(selfViewSink);
            previousTrack.dispose();
        }
        if (previousSource != null) {
            previousSource.close();
        }
        LOG.info("Outgoing video is now {}", source.label());
    }

    public void setMicrophoneEnabled(boolean enabled) {
        if (audioTrack != null) {
            audioTrack.setEnabled(enabled);
        }
    }

    public void setVideoEnabled(boolean enabled) {
        if (videoTrack != null) {
            videoTrack.setEnabled(enabled);
        }
    }

    public boolean hasPushedAudio() {
        return audioSource != null && audioSource.isPushed();
    }

    /** Holds pushed audio while a negotiation may (re)start the module's recording. */
    public void holdPushedAudio() {
        if (audioSource != null) {
            audioSource.setPushing(false);
        }
    }

    /**
     * After the connection is up or a renegotiation finished: stop the module's recording that libwebrtc
     * started for the sender, then let pushed audio flow. Pushing while it records aborts the JVM.
     */
    public void releasePushedAudio() {
        if (hasPushedAudio()) {
            LOG.debug("Stopping the module's recording and releasing pushed audio");
            audioModule.stopRecording();
            audioSource.setPushing(true);
        }
    }

    /** Releases all tracks and sources; every sender using them must already be detached. */
    @Override
    public void close() {
        holdPushedAudio();
        if (videoTrack != null) {
            videoTrack.removeSink(selfViewSink);
            videoTrack.dispose();
            videoSource.close();
            videoTrack = null;
        }
        if (audioTrack != null) {
            audioTrack.dispose();
            audioSource.close();
        }
    }
}
