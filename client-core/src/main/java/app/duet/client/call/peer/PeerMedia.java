package app.duet.client.call.peer;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import app.duet.client.call.media.AudioLevelMeter;
import app.duet.client.call.media.LocalMedia;
import app.duet.client.call.media.LocalVideoSource;
import app.duet.client.call.media.MediaPlan;
import app.duet.client.call.media.TrackFrameConverter;
import app.duet.client.call.media.VideoSourceKind;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.stats.AudioStats;
import app.duet.client.call.stats.QualityCalculator;
import app.duet.client.call.stats.SenderSettings;
import app.duet.client.call.stats.StatsReport;
import app.duet.client.call.stats.VideoAdaptationPolicy;
import app.duet.client.call.video.LatestFrameHolder;

import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of a call's peer connection: our senders, the far side's tracks, mute and camera state,
 * and the once-a-second stats loop with sender adaptation. Used only on the call thread.
 */
public final class PeerMedia {

    private static final Logger LOG = LoggerFactory.getLogger(PeerMedia.class);
    static final long STATS_PERIOD_MILLIS = 1_000;
    static final int MAX_VIDEO_BITRATE_BPS = 2_500_000;
    static final int SCREEN_FPS = 15;
    static final long SINK_STALE_NANOS = 500_000_000L;

    private final LocalMedia media;
    private final Consumer<CallQuality> qualityListener;
    private final Consumer<RemoteMediaState> announce;
    private final LatestFrameHolder remoteVideo;
    private final TrackFrameConverter remoteVideoSink;
    private final AudioLevelMeter remoteAudio = new AudioLevelMeter();
    private final Set<String> attachedTracks = new HashSet<>();
    private final QualityCalculator quality = new QualityCalculator();
    private final int cameraFps;
    private final MediaPlan plan;
    private VideoAdaptationPolicy adaptation;
    private PeerSession peer;
    private RTCRtpSender audioSender;
    private RTCRtpSender videoSender;
    private ScheduledFuture<?> statsTask;
    private boolean microphoneMuted;
    private boolean cameraEnabled = true;
    private volatile double decodedAudioLevel; // from the stats; read by the UI

    /** @param plan what to send once the far side's video arrives */
    public PeerMedia(LocalMedia media, int cameraFps, LatestFrameHolder remoteVideo, Consumer<CallQuality> quality,
                     Consumer<RemoteMediaState> announce, MediaPlan plan) {
        this.media = media;
        this.plan = plan;
        this.remoteVideo = remoteVideo;
        this.remoteVideoSink = new TrackFrameConverter(remoteVideo);
        this.cameraFps = cameraFps;
        this.qualityListener = quality;
        this.announce = announce;
        this.adaptation = new VideoAdaptationPolicy(cameraFps, MAX_VIDEO_BITRATE_BPS);
    }

    /** Sends our tracks on {@code session} and takes the far side's tracks it receives. */
    public void attach(PeerSession session) {
        this.peer = session;
        session.onRemoteTrack(this::remoteTrack);
        if (media.audioTrack() != null) {
            audioSender = session.addTrack(media.audioTrack());
        }
        if (media.videoTrack() != null) {
            videoSender = session.addTrack(media.videoTrack());
        }
        announceState();
    }

    public LatestFrameHolder remoteVideo() {
        return remoteVideo;
    }

    /**
     * The far side's loudness from our track sink, which is live (every 10 ms). libwebrtc can starve that sink
     * while the audio still decodes and plays: after the polite side rolls back an offer early in a call, its
     * receiver's channel is recreated and the sink is not re-attached because the SSRC did not change (see
     * EarlyCollisionToneTest). Then the decoded stream's level from the last stats stands in.
     */
    public double remoteAudioLevel() {
        return remoteAudio.deliveredWithin(SINK_STALE_NANOS) ? remoteAudio.level() : decodedAudioLevel;
    }

    /** Swaps the outgoing video; in an audio-only call this adds a video sender, which renegotiates. */
    public void useVideo(LocalVideoSource source) {
        media.switchVideo(source, track -> {
            if (peer == null) {
                return;
            }
            if (videoSender == null) {
                videoSender = peer.addTrack(track);
            } else {
                peer.replaceTrack(videoSender, track);
            }
        });
        adaptation = new VideoAdaptationPolicy(source.kind() == VideoSourceKind.SCREEN ? SCREEN_FPS : cameraFps,
                MAX_VIDEO_BITRATE_BPS);
        if (videoSender != null) {
            VideoSenderTuner.apply(videoSender, adaptation.current());
        }
        announceState();
    }

    /** Re-attaches our tracks to their senders (see the call's media settle). */
    public void reattachTracks() {
        if (audioSender != null) {
            peer.replaceTrack(audioSender, media.audioTrack());
        }
        if (videoSender != null && media.videoTrack() != null) {
            peer.replaceTrack(videoSender, media.videoTrack());
        }
    }

    public void setMicrophoneMuted(boolean muted) {
        microphoneMuted = muted;
        media.setMicrophoneEnabled(!muted);
        announceState();
    }

    public void setCameraEnabled(boolean enabled) {
        cameraEnabled = enabled;
        media.setVideoEnabled(enabled);
        announceState();
    }

    private void announceState() {
        boolean sendingVideo = media.videoTrack() != null && cameraEnabled;
        announce.accept(new RemoteMediaState(!microphoneMuted, sendingVideo,
                sendingVideo && media.videoKind() == VideoSourceKind.SCREEN));
    }

    private void remoteTrack(MediaStreamTrack track) {
        if (peer == null || !attachedTracks.add(track.getId())) {
            return;
        }
        if (track instanceof VideoTrack video) {
            peer.attach(video, remoteVideoSink);
            plan.whenRemoteVideoArrives(media.videoKind()).ifPresent(this::useVideo);
            media.videoForwarding().ifPresent(sink -> peer.attach(video, sink));
        } else if (track instanceof AudioTrack audio) {
            peer.attach(audio, remoteAudio);
            media.audioForwarding().ifPresent(sink -> peer.attach(audio, sink));
        }
        LOG.debug("Receiving remote {} track {}", track.getKind(), track.getId());
    }

    public void startStats(ScheduledExecutorService callThread) {
        if (statsTask != null) {
            return;
        }
        // A periodic task that throws is silently cancelled, so failures are caught and logged here.
        statsTask = callThread.scheduleAtFixedRate(() -> {
            try {
                peer.stats(report -> callThread.execute(() -> onStats(report)));
            } catch (RuntimeException e) {
                LOG.warn("Requesting stats failed", e);
            }
        }, STATS_PERIOD_MILLIS, STATS_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void onStats(StatsReport report) {
        if (statsTask == null) {
            return; // stopped while the report was on its way
        }
        try {
            decodedAudioLevel = AudioStats.inboundAudioLevel(report.entries());
            CallQuality snapshot = quality.next(report.timestampMicros(), report.entries());
            qualityListener.accept(snapshot);
            SenderSettings settings = adaptation.next(snapshot);
            if (settings != null && videoSender != null) {
                VideoSenderTuner.apply(videoSender, settings);
            }
        } catch (RuntimeException e) {
            LOG.warn("Processing stats failed", e);
        }
    }

    public void stopStats() {
        if (statsTask != null) {
            statsTask.cancel(false);
            statsTask = null;
        }
    }
}
