package app.duet.client.call;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.RobotDisplayCapturer;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.IceServerConfig;
import app.duet.client.call.negotiation.Role;
import app.duet.client.call.video.LatestFrameHolder;

/** Two calls in one JVM whose signaling is a direct wire: what one sends, the other receives. */
final class CallPair implements AutoCloseable {

    final RecordingListener callerEvents = new RecordingListener();
    final RecordingListener calleeEvents = new RecordingListener();
    final AtomicInteger offersSent = new AtomicInteger();
    final CallSession caller;
    final CallSession callee;

    CallPair(MediaEngine engine, MediaSettings callerMedia, MediaSettings calleeMedia, Path downloads,
             List<IceServerConfig> iceServers, boolean forceRelay) {
        this(engine, engine, callerMedia, calleeMedia, downloads, iceServers, forceRelay);
    }

    /**
     * Each side on its own engine, as in two processes. Needed where both sides push synthetic audio through
     * renegotiations: one shared audio module restarts recording for either side's senders.
     */
    CallPair(MediaEngine callerEngine, MediaEngine calleeEngine, MediaSettings callerMedia, MediaSettings calleeMedia,
             Path downloads, List<IceServerConfig> iceServers, boolean forceRelay) {
        VideoSources sources = new VideoSources(callerEngine.devices(), new RobotDisplayCapturer());
        AtomicReference<CallSession> callerRef = new AtomicReference<>();
        AtomicReference<CallSession> calleeRef = new AtomicReference<>();
        caller = new CallSession("test-call", callerEngine, Role.CALLER,
                new CallOptions(iceServers, forceRelay, callerMedia, downloads.resolve("caller")), sources,
                wire(calleeRef), callerEvents, Runnable::run, new LatestFrameHolder(), new LatestFrameHolder(), () -> { });
        callee = new CallSession("test-call", calleeEngine, Role.CALLEE,
                new CallOptions(iceServers, forceRelay, calleeMedia, downloads.resolve("callee")), sources,
                wire(callerRef), calleeEvents, Runnable::run, new LatestFrameHolder(), new LatestFrameHolder(), () -> { });
        callerRef.set(caller);
        calleeRef.set(callee);
    }

    CallPair(MediaEngine engine, MediaSettings media, Path downloads) {
        this(engine, media.withVideo(media.video()), media, downloads, List.of(), false);
    }

    private SignalingPort wire(AtomicReference<CallSession> far) {
        return new SignalingPort() {
            @Override
            public CompletableFuture<Void> sendOffer(String sdp) {
                offersSent.incrementAndGet();
                far.get().remoteOffer(sdp);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void sendAnswer(String sdp) {
                far.get().remoteAnswer(sdp);
            }

            @Override
            public void sendCandidate(IceCandidateInfo candidate) {
                far.get().remoteCandidate(candidate);
            }
        };
    }

    /** Rings, lets the callee accept first (as the server orders it), then tells the caller. */
    CallPair start() {
        caller.ringing();
        callee.ringing();
        callee.accepted();
        caller.accepted();
        return this;
    }

    @Override
    public void close() {
        caller.close();
        callee.close();
    }
}
