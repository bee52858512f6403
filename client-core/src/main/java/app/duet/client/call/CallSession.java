package app.duet.client.call;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import app.duet.client.call.data.CallDataChannel;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.LocalMedia;
import app.duet.client.call.media.LocalVideoSource;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.MediaUnavailableException;
import app.duet.client.call.media.VideoSourceKind;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.negotiation.NegotiationAction;
import app.duet.client.call.negotiation.NegotiationMachine;
import app.duet.client.call.negotiation.Role;
import app.duet.client.call.peer.PeerConfig;
import app.duet.client.call.peer.PeerMedia;
import app.duet.client.call.peer.PeerSession;
import app.duet.client.call.threads.DaemonThreads;
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
    /** An answer normally comes within a second; one this late while reconnecting was lost on the way. */
    static final long OFFER_ANSWER_TIMEOUT_SECONDS = 5;
    /** How long the polite side waits, after a resume, for the far side's resume offer (see the machine). */
    static final long FAR_SIDE_RESUME_OFFER_SECONDS = 3;

    private final String callId;
    private final MediaEngine engine;
    private final CallOptions options;
    private final SignalingPort signaling;
    private final Listeners listeners;
    private final ScheduledExecutorService callThread;
    private final ExecutorService dataThread;
    private final ExecutorService fileSendThread;
    private final NegotiationMachine machine;
    private final VideoSources videoSources;
    private final LatestFrameHolder selfView;
    private final CallDataChannel data;
    private final LocalMedia media;
    private final PeerMedia peerMedia;
    private PeerSession peer;
    private MediaSettle settle;
    private ScheduledFuture<?> answerTimer;
    private volatile CallState state = CallState.IDLE;
    private volatile String safetyCode;

    public CallSession(String callId, MediaEngine engine, Role role, CallOptions options, VideoSources videoSources,
                       SignalingPort signaling, CallListener listener, Executor listenerExecutor) {
        this(callId, engine, role, options, videoSources, signaling, listener, listenerExecutor,
                new LatestFrameHolder(), new LatestFrameHolder());
    }

    /** As above, drawing into the given self-view and remote-video holders (kept by the UI across calls). */
    public CallSession(String callId, MediaEngine engine, Role role, CallOptions options, VideoSources videoSources,
                       SignalingPort signaling, CallListener listener, Executor listenerExecutor,
                       LatestFrameHolder selfView, LatestFrameHolder remoteVideo) {
        this.callId = callId;
        this.engine = engine;
        this.selfView = selfView;
        this.options = options;
        this.signaling = signaling;
        this.videoSources = videoSources;
        this.listeners = new Listeners(listener, listenerExecutor);
        this.machine = new NegotiationMachine(role);
        String id = Integer.toHexString(System.identityHashCode(this));
        this.callThread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duet-call-" + id));
        this.dataThread = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-data-" + id));
        this.fileSendThread = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-files-" + id));
        this.data = new CallDataChannel(listeners, Clock.systemUTC(), options.downloadDir(), fileSendThread);
        this.media = new LocalMedia(engine, LocalMedia.audioSource(engine, options.media()), selfView);
        this.peerMedia = new PeerMedia(media, options.media().fps(), remoteVideo, listeners::quality, this::announceMedia,
                options.media().plan());
        engine.own(this);
        if (options.media().video() != VideoChoice.NONE) {
            peerMedia.useVideo(openVideo(options.media().video()));
        }
    }

    // ---- signaling input ----

    /** The call is ringing (outgoing for the caller, incoming for the callee). */
    public void ringing() {
        run(machine::ringing);
    }

    /** The callee accepted (locally, or the caller heard call_accepted): set up the connection. */
    public void accepted() {
        runOnCallThread(() -> {
            if (peer == null && state != CallState.ENDED) {
                createPeer();
            }
            perform(machine.accepted());
        });
    }

    public void remoteOffer(String sdp) {
        run(() -> machine.remoteOffer(sdp));
    }

    public void remoteAnswer(String sdp) {
        run(() -> machine.remoteAnswer(sdp));
    }

    public void remoteCandidate(IceCandidateInfo candidate) {
        run(() -> machine.remoteCandidate(candidate));
    }

    /** Ends the call locally (hang-up, decline, or the far side left). Idempotent. */
    public void end() {
        run(machine::ended);
    }

    public void restartIce() {
        run(machine::restartIce);
    }

    /** Our signaling connection was resumed and the server kept this call: resend what may have been lost. */
    public void signalingResumed(boolean farSideConnected) {
        run(() -> machine.signalingResumed(farSideConnected));
    }

    /** The far side lost, or got back, its signaling connection. */
    public void farSideConnected(boolean connected) {
        run(connected ? machine::farSideBack : machine::farSideAway);
    }

    // ---- media controls ----

    public void setMicrophoneMuted(boolean muted) {
        runOnCallThread(() -> peerMedia.setMicrophoneMuted(muted));
    }

    public void setCameraEnabled(boolean enabled) {
        runOnCallThread(() -> peerMedia.setCameraEnabled(enabled));
    }

    /** Sends the camera (or the pattern) again; adds video to an audio-only call (renegotiates). */
    public void useCamera() {
        runOnCallThread(() -> peerMedia.useVideo(openVideo(VideoChoice.CAMERA)));
    }

    /** Switches to another camera mid-call (the pattern when it cannot start). */
    public void useCamera(String deviceId) {
        runOnCallThread(() -> peerMedia.useVideo(videoSources.cameraOrFallback(options.media().withCamera(deviceId),
                listeners::problem)));
    }

    public void useSyntheticVideo() {
        runOnCallThread(() -> peerMedia.useVideo(openVideo(VideoChoice.SYNTHETIC)));
    }

    /** Replaces the outgoing video with a screen; completes exceptionally when it cannot be captured. */
    public CompletableFuture<Void> shareScreen(DisplayInfo display) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                peerMedia.useVideo(videoSources.screen(display));
                return null;
            } catch (MediaUnavailableException e) {
                listeners.problem(e.getMessage());
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, callThread);
    }

    public void stopScreenShare() {
        runOnCallThread(() -> {
            if (media.videoKind() == VideoSourceKind.SCREEN) {
                peerMedia.useVideo(openVideo(options.media().video() == VideoChoice.SYNTHETIC
                        ? VideoChoice.SYNTHETIC : VideoChoice.CAMERA));
            }
        });
    }

    // ---- data channel ----

    public CompletableFuture<ChatMessage> sendChat(String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ChatMessage message = data.sendChat(text);
                listeners.chat(message);
                return message;
            } catch (app.duet.client.call.data.DataLinkException e) {
                throw new IllegalStateException("The message could not be sent: " + e.getMessage(), e);
            }
        }, dataThread);
    }

    /** Starts sending a file; returns its transfer id. Progress arrives through the listener. */
    public String sendFile(Path file) throws IOException {
        return data.files().send(file);
    }

    public void cancelFile(String transferId) {
        dataThread.execute(() -> data.files().cancel(transferId));
    }

    public void acceptFile(String transferId) {
        dataThread.execute(() -> data.files().accept(transferId));
    }

    public void declineFile(String transferId) {
        dataThread.execute(() -> data.files().decline(transferId));
    }

    // ---- observation ----

    public String callId() {
        return callId;
    }

    public CallState state() {
        return state;
    }

    public boolean isSharingScreen() {
        return media.videoKind() == VideoSourceKind.SCREEN;
    }

    public Role role() {
        return machine.role();
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

    /** The camera or the pattern, as the call's media plan has it. */
    private LocalVideoSource openVideo(VideoChoice choice) {
        return options.media().plan().video(choice, options.media(), videoSources, listeners::problem);
    }

    private void createPeer() {
        PeerConfig config = new PeerConfig(options.iceServers(), options.forceRelay(), 0, 0);
        peer = new PeerSession(engine, config, callThread, new PeerEvents());
        settle = new MediaSettle(callThread, peer);
        data.bind(peer.openDataLink("duet", 0, dataThread, data));
        peerMedia.attach(peer);
    }

    private void perform(List<NegotiationAction> actions) {
        for (NegotiationAction action : actions) {
            perform(action);
        }
    }

    private void perform(NegotiationAction action) {
        LOG.debug("Negotiation: {}", action.getClass().getSimpleName());
        if (action instanceof NegotiationAction.CreateOffer offer && offer.onlyIfNeeded() && !peer.needsNegotiation()) {
            perform(machine.offerNotNeeded(offer.generation()));
        } else if (action instanceof NegotiationAction.CreateOffer offer) {
            peer.createOffer(offer.iceRestart()).whenComplete((sdp, error) -> perform(error == null
                    ? machine.localOfferReady(offer.generation(), sdp)
                    : failed("creating an offer", error, machine.localOfferFailed(offer.generation()))));
        } else if (action instanceof NegotiationAction.SendOffer offer) {
            signaling.sendOffer(offer.sdp()).whenComplete((ok, error) -> {
                if (error != null) {
                    run(() -> machine.offerUndelivered(offer.generation()));
                }
            });
            cancelAnswerTimer();
            answerTimer = callThread.schedule(() -> run(() -> machine.offerUnanswered(offer.generation())),
                    OFFER_ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } else if (action instanceof NegotiationAction.AwaitFarSideOffer wait) {
            callThread.schedule(() -> run(() -> machine.farSideOfferOverdue(wait.epoch())),
                    FAR_SIDE_RESUME_OFFER_SECONDS, TimeUnit.SECONDS);
        } else if (action instanceof NegotiationAction.RollbackOffer) {
            LOG.info("Our offer did not reach the far side: rolling it back until it is reachable");
            peer.rollback().whenComplete((ok, error) -> perform(error == null ? machine.rolledBack()
                    : failed("rolling back an offer", error, machine.rolledBack())));
        } else if (action instanceof NegotiationAction.AnswerOffer offer) {
            if (offer.rollbackFirst()) {
                LOG.info("Offer collision: rolling back our offer to answer theirs");
            }
            peer.answer(offer.sdp(), offer.rollbackFirst()).whenComplete((sdp, error) -> perform(error == null
                    ? machine.localAnswerReady(sdp)
                    : failed("answering an offer", error, machine.answeringFailed())));
        } else if (action instanceof NegotiationAction.SendAnswer answer) {
            signaling.sendAnswer(answer.sdp());
        } else if (action instanceof NegotiationAction.ApplyAnswer answer) {
            peer.applyAnswer(answer.sdp()).whenComplete((ok, error) -> perform(error == null
                    ? machine.remoteAnswerApplied()
                    : failed("applying an answer", error, machine.remoteAnswerFailed())));
        } else if (action instanceof NegotiationAction.AddRemoteCandidates add) {
            peer.addCandidates(add.candidates());
        } else if (action instanceof NegotiationAction.SendCandidate send) {
            signaling.sendCandidate(send.candidate());
        } else if (action instanceof NegotiationAction.StateChanged changed) {
            stateChanged(changed.state());
        } else if (action instanceof NegotiationAction.Settled) {
            scheduleSettle();
        } else if (action instanceof NegotiationAction.Unsettled) {
            unsettle();
        } else if (action instanceof NegotiationAction.Close) {
            teardown();
        }
    }

    private List<NegotiationAction> failed(String what, Throwable error, List<NegotiationAction> next) {
        LOG.warn("Negotiation step failed: {}", what, error);
        return next;
    }

    private void stateChanged(CallState next) {
        state = next;
        LOG.info("Call is {}", next);
        listeners.state(next);
        if (next == CallState.CONNECTED && safetyCode == null && peer != null) {
            SafetyCode.fromSdp(peer.localSdp(), peer.remoteSdp()).ifPresent(code -> {
                safetyCode = code;
                listeners.safetyCode(code);
            });
            peerMedia.startStats(callThread);
        }
    }

    /** Pushed audio waits until libwebrtc has started (and we have stopped) the module's recording. */
    private void scheduleSettle() {
        unsettle();
        settle.schedule(media.hasPushedAudio(), () -> {
            // After a rolled-back offer the senders no longer take frames or samples from pushed sources
            // (measured: the far side hears silence and its video stops); re-attaching the same tracks
            // restores them.
            peerMedia.reattachTracks();
            media.releasePushedAudio();
        });
    }

    private void unsettle() {
        if (settle != null) {
            settle.cancel();
        }
        media.holdPushedAudio();
    }

    private void cancelAnswerTimer() {
        if (answerTimer != null) {
            answerTimer.cancel(false);
            answerTimer = null;
        }
    }

    private void announceMedia(RemoteMediaState state) {
        dataThread.execute(() -> data.announceMedia(state));
    }

    /** Ordered teardown: pushers, stats, sinks, data channel, senders and connection, then local media. */
    private void teardown() {
        unsettle();
        cancelAnswerTimer(); // a pending one would hold up the call thread's shutdown
        peerMedia.stopStats();
        try {
            dataThread.submit(data::close).get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Closing the data channel failed", e);
        }
        if (peer != null) {
            peer.close();
        }
        media.close();
        fileSendThread.shutdownNow();
        dataThread.shutdown();
        callThread.shutdown();
        engine.release(this);
    }

    private void run(Supplier<List<NegotiationAction>> event) {
        runOnCallThread(() -> perform(event.get()));
    }

    private void runOnCallThread(Runnable task) {
        try {
            callThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Call task failed", e);
                    listeners.problem("Something went wrong in the call: " + e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Ignoring a call task after the call ended");
        }
    }

    /** Ends the call if needed and waits until every native object it owns is released. */
    @Override
    public void close() {
        if (callThread.isShutdown()) {
            return;
        }
        end();
        try {
            if (!callThread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Call teardown did not finish in {} s", CLOSE_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class PeerEvents implements PeerSession.Events {
        @Override
        public void localCandidate(IceCandidateInfo candidate) {
            perform(machine.localCandidate(candidate));
        }

        @Override
        public void transport(TransportStatus status) {
            perform(machine.transport(status));
        }

        @Override
        public void negotiationNeeded() {
            LOG.debug("libwebrtc: negotiation needed");
            perform(machine.negotiationNeeded());
        }
    }
}
