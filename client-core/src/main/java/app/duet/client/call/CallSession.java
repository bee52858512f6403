package app.duet.client.call;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import app.duet.client.call.data.CallDataChannel;
import app.duet.client.call.data.DataLinkException;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.LocalMedia;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.MediaUnavailableException;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.negotiation.NegotiationAction;
import app.duet.client.call.negotiation.NegotiationMachine;
import app.duet.client.call.negotiation.Role;
import app.duet.client.call.peer.PeerConfig;
import app.duet.client.call.peer.PeerMedia;
import app.duet.client.call.peer.PeerSession;
import app.duet.client.call.video.LatestFrameHolder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One 1:1 call: negotiation state, the peer connection, local media, data channel and stats. Every method
 * may be called from any thread; the work runs on the call's own serial thread, so nothing here blocks the
 * caller except {@link #close()}. Events go to the listener on the listener's executor.
 */
public final class CallSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);
    static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final String callId;
    private final MediaEngine engine;
    private final CallOptions options;
    private final SignalingPort signaling;
    private final Listeners listeners;
    private final CallThreads threads;
    private final NegotiationDriver negotiation;
    private final OutgoingVideo video;
    private final LatestFrameHolder selfView;
    private final CallDataChannel data;
    private final LocalMedia media;
    private final PeerMedia peerMedia;
    private final Runnable failed;
    /** A session exists only for a call that rings or more: it reads as ringing until its thread says more. */
    private volatile CallState state;
    private volatile String safetyCode;

    /** Draws into the UI's self-view and remote-video holders; {@code failed} (call thread) asks to end it. */
    public CallSession(String callId, MediaEngine engine, Role role, CallOptions options, VideoSources videoSources,
                       SignalingPort signaling, CallListener listener, Executor listenerExecutor,
                       LatestFrameHolder selfView, LatestFrameHolder remoteVideo, Runnable failed) {
        this.state = role == Role.CALLER ? CallState.RINGING_OUTGOING : CallState.RINGING_INCOMING;
        this.callId = callId;
        this.failed = failed;
        this.engine = engine;
        this.selfView = selfView;
        this.options = options;
        this.signaling = signaling;
        this.listeners = new Listeners(listener, listenerExecutor);
        this.threads = new CallThreads(Integer.toHexString(System.identityHashCode(this)), listeners::problem);
        this.data = new CallDataChannel(listeners, Clock.systemUTC(), options.downloadDir(), threads.fileSend);
        this.media = new LocalMedia(engine, LocalMedia.audioSource(engine, options.media()), selfView);
        this.peerMedia = new PeerMedia(media, options.media().fps(), remoteVideo, listeners::quality,
                this::announceMedia, options.media().plan());
        this.negotiation = new NegotiationDriver(new NegotiationMachine(role), signaling, threads.call,
                threads::onCallThread, media, peerMedia, this::stateChanged, this::teardown,
                this::giveUp);
        this.video = new OutgoingVideo(options.media(), videoSources, media, peerMedia, listeners::problem);
        engine.own(this);
        video.start();
    }

    // ---- signaling input ----

    /** The call is ringing (outgoing for the caller, incoming for the callee). */
    public void ringing() {
        run(NegotiationMachine::ringing);
    }

    /** The callee accepted (locally, or the caller heard call_accepted): set up the connection. */
    public void accepted() {
        threads.onCallThread(() -> {
            if (negotiation.peer() == null && state != CallState.ENDED) {
                createPeer();
            }
            negotiation.handle(NegotiationMachine::accepted);
        });
    }

    public void remoteOffer(String sdp) {
        run(m -> m.remoteOffer(sdp));
    }

    public void remoteAnswer(String sdp) {
        run(m -> m.remoteAnswer(sdp));
    }

    public void remoteCandidate(IceCandidateInfo candidate) {
        run(m -> m.remoteCandidate(candidate));
    }

    /** Ends the call locally (hang-up, decline, or the far side left). Idempotent. */
    public void end() {
        run(NegotiationMachine::ended);
    }

    public void restartIce() {
        run(NegotiationMachine::restartIce);
    }

    /** Our signaling connection was resumed and the server kept this call: resend what may have been lost. */
    public void signalingResumed(boolean farSideConnected) {
        run(m -> m.signalingResumed(farSideConnected));
    }

    /** The far side lost, or got back, its signaling connection. */
    public void farSideConnected(boolean connected) {
        run(connected ? NegotiationMachine::farSideBack : NegotiationMachine::farSideAway);
    }

    // ---- media controls ----

    public void setMicrophoneMuted(boolean muted) {
        threads.onCallThread(() -> peerMedia.setMicrophoneMuted(muted));
    }

    public void setCameraEnabled(boolean enabled) {
        threads.onCallThread(() -> peerMedia.setCameraEnabled(enabled));
    }

    /** Sends the camera (or the pattern) again; adds video to an audio-only call (renegotiates). */
    public void useCamera() {
        threads.onCallThread(() -> video.use(VideoChoice.CAMERA));
    }

    /** Switches to another camera mid-call (the pattern when it cannot start). */
    public void useCamera(String deviceId) {
        threads.onCallThread(() -> video.useCamera(deviceId));
    }

    public void useSyntheticVideo() {
        threads.onCallThread(() -> video.use(VideoChoice.SYNTHETIC));
    }

    /** Replaces the outgoing video with a screen; completes exceptionally when it cannot be captured. */
    public CompletableFuture<Void> shareScreen(DisplayInfo display) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                video.shareScreen(display);
                return null;
            } catch (MediaUnavailableException e) {
                listeners.problem(e.getMessage());
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, threads.call);
    }

    public void stopScreenShare() {
        threads.onCallThread(video::stopScreenShare);
    }

    // ---- data channel ----

    public CompletableFuture<ChatMessage> sendChat(String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ChatMessage message = data.sendChat(text);
                listeners.chat(message);
                return message;
            } catch (DataLinkException e) {
                throw new IllegalStateException("The message could not be sent: " + e.getMessage(), e);
            }
        }, threads.data);
    }

    /** Starts sending a file; returns its transfer id. Progress arrives through the listener. */
    public String sendFile(Path file) throws IOException {
        return data.files().send(file);
    }

    public void cancelFile(String transferId) {
        threads.data.execute(() -> data.files().cancel(transferId));
    }

    public void acceptFile(String transferId) {
        threads.data.execute(() -> data.files().accept(transferId));
    }

    public void declineFile(String transferId) {
        threads.data.execute(() -> data.files().decline(transferId));
    }

    // ---- observation ----

    public CallState state() {
        return state;
    }

    public boolean isSharingScreen() {
        return video.isSharingScreen();
    }

    public Role role() {
        return negotiation.role();
    }

    public LatestFrameHolder remoteVideo() {
        return peerMedia.remoteVideo();
    }

    public LatestFrameHolder selfView() {
        return selfView;
    }

    /** Loudness of the far side's audio, 0..1. */
    public double remoteAudioLevel() {
        return peerMedia.remoteAudioLevel();
    }

    public Optional<String> safetyCode() {
        return Optional.ofNullable(safetyCode);
    }

    // ---- internals (call thread) ----

    private void createPeer() {
        PeerConfig config = new PeerConfig(options.iceServers(), options.forceRelay(), 0, 0);
        PeerSession peer = new PeerSession(engine, config, threads.call, negotiation);
        negotiation.attach(peer);
        data.bind(peer.openDataLink("duet", 0, threads.data, data));
        peerMedia.attach(peer);
    }

    private void stateChanged(CallState next) {
        state = next;
        LOG.info("Call is {}", next);
        listeners.state(next);
        PeerSession peer = negotiation.peer();
        if (next == CallState.CONNECTED && safetyCode == null && peer != null) {
            SafetyCode.fromSdp(peer.localSdp(), peer.remoteSdp()).ifPresent(code -> {
                safetyCode = code;
                listeners.safetyCode(code);
            });
            peerMedia.startStats(threads.call);
        }
    }

    private void giveUp(String problem) {
        LOG.warn("Call {} cannot be set up: {}", callId, problem);
        listeners.problem(problem);
        failed.run();
    }

    private void announceMedia(RemoteMediaState state) {
        threads.data.execute(() -> data.announceMedia(state));
    }

    /** Ordered teardown: pushers, stats, sinks, data channel, senders and connection, then local media. */
    private void teardown() {
        negotiation.stop();
        peerMedia.stopStats();
        threads.onDataThreadAndWait(data::close, CLOSE_TIMEOUT_SECONDS, "Closing the data channel");
        if (negotiation.peer() != null) {
            negotiation.peer().close();
        }
        media.close();
        threads.shutdown();
        engine.release(this);
    }

    private void run(Function<NegotiationMachine, List<NegotiationAction>> event) {
        negotiation.handleLater(event);
    }

    /** Ends the call if needed and waits until every native object it owns is released. */
    @Override
    public void close() {
        if (threads.call.isShutdown()) {
            return;
        }
        end();
        threads.awaitCallThread(CLOSE_TIMEOUT_SECONDS);
    }
}
