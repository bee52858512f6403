package app.duet.client.call;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.media.DeviceCatalog;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.RobotDisplayCapturer;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.threads.DaemonThreads;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.signaling.SignalingClient;
import app.duet.protocol.Media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UI and the headless client use to make calls. It rings, accepts, declines and hangs up through
 * the signaling client, wires the relayed offer/answer/candidates into the current {@link CallSession}, and
 * reports everything on the executor the caller chose ({@code Platform::runLater} in the app). No method
 * blocks except {@link #start} and {@link #close}; one call at a time.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);

    private final SignalingClient signaling;
    private final MediaEngine media;
    private final boolean ownsMedia;
    private final CallEngineSettings settings;
    private final CallEngineListener listener;
    private final Executor listenerExecutor;
    private final VideoSources videoSources;
    private final ExecutorService worker;
    private final SignalingEvents signalingEvents;
    private final IceServerLookup iceServers;
    private final CallSessionFactory sessions;
    private CurrentCall current; // guarded by this
    private IncomingCall incoming; // guarded by this
    private final ParkedCallEvents parked = new ParkedCallEvents(); // used under this lock or outside any
    private volatile Runnable acceptHook = () -> { }; // see beforeAcceptPublishes

    /** The call in progress: its server id (null while our ring is unanswered by the server) and session. */
    record CurrentCall(String callId, String channel, CallSession session) {
    }

    /** Our ring is on its way to the server; there is no call id yet. */
    private static final CurrentCall RINGING = new CurrentCall(null, null, null);

    /**
     * Starts the media engine (probing audio devices may take a few seconds: call off the UI thread) and
     * listens to {@code signaling}.
     */
    public static CallEngine start(SignalingClient signaling, CallEngineSettings settings,
                                   CallEngineListener listener, Executor listenerExecutor) {
        return new CallEngine(signaling, MediaEngine.start(settings.audioMode()), true, settings, listener,
                listenerExecutor);
    }

    /** Uses an existing media engine, which the caller keeps and closes (tests share one). */
    public CallEngine(SignalingClient signaling, MediaEngine media, boolean ownsMedia, CallEngineSettings settings,
                      CallEngineListener listener, Executor listenerExecutor) {
        this.signaling = signaling;
        this.media = media;
        this.ownsMedia = ownsMedia;
        this.settings = settings;
        this.listener = listener;
        this.listenerExecutor = listenerExecutor;
        this.videoSources = new VideoSources(media.devices(), new RobotDisplayCapturer());
        this.iceServers = new IceServerLookup(signaling);
        this.sessions = new CallSessionFactory(signaling, media, settings, videoSources, listener, listenerExecutor);
        this.worker = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-engine"));
        this.signalingEvents = new SignalingEvents(this);
        signaling.addListener(signalingEvents);
    }

    // ---- commands ----

    /** Rings the other member of {@code channel}; completes with the call id once the server took the ring. */
    public CompletableFuture<String> ring(String channel, boolean video) {
        synchronized (this) {
            if (current != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("You are already in a call."));
            }
            current = RINGING; // reserve: a second ring fails fast, a hang-up meanwhile cancels it
        }
        return iceServers.fetch().thenCompose(servers -> signaling.ring(channel, video ? Media.VIDEO : Media.AUDIO)
                .thenApplyAsync(reply -> startRingingCall(reply.callId(), channel, servers, video), worker))
                .whenComplete((callId, error) -> {
                    if (error != null) {
                        synchronized (this) {
                            if (current == RINGING) {
                                current = null;
                                parked.clear();
                            }
                        }
                        LOG.info("Ring failed: {}", SignalingClient.unwrap(error).getMessage());
                    }
                });
    }

    private String startRingingCall(String callId, String channel, List<IceServerConfig> servers, boolean video) {
        boolean glare;
        synchronized (this) {
            if (current != RINGING) { // hung up before the server answered the ring
                signaling.cancel(callId);
                deliver(() -> listener.callEnded(callId, CallEnd.LOCAL_HANGUP));
                return callId;
            }
            glare = incoming != null && incoming.callId().equals(callId);
            incoming = null;
        }
        CallSession session = sessions.outgoing(callId, servers, video, glare);
        synchronized (this) {
            if (current != RINGING) { // hung up while the session was being built
                session.end();
                signaling.cancel(callId);
                deliver(() -> listener.callEnded(callId, CallEnd.LOCAL_HANGUP));
                parked.clear();
                return callId;
            }
            current = new CurrentCall(callId, channel, session);
            parked.startReplay(callId);
        }
        parked.replay(callId);
        return callId;
    }

    /** Runs a call event now, or parks it while our ring waits for its call id (see {@link ParkedCallEvents}). */
    void onCallEvent(String callId, Runnable apply) {
        boolean waits;
        synchronized (this) {
            waits = parked.park(callId, apply, current == RINGING);
        }
        if (!waits) {
            apply.run();
        }
    }

    /**
     * Accepts the incoming call, sending {@code media}: {@link Media#AUDIO} opens no camera and sends no video
     * even when the caller offered video ({@link #startVideo} can add it later); {@link Media#VIDEO} sends video
     * even in a call offered as audio only.
     */
    public CompletableFuture<Void> accept(Media media) {
        Objects.requireNonNull(media, "media");
        IncomingCall call;
        CurrentCall accepting;
        synchronized (this) {
            call = incoming;
            if (call == null || current != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("There is no call to accept."));
            }
            incoming = null;
            accepting = new CurrentCall(call.callId(), call.channel(), null);
            current = accepting;
        }
        return iceServers.fetch()
                .thenApplyAsync(servers -> startAcceptedCall(accepting, servers, media == Media.VIDEO), worker)
                .thenCompose(session -> signaling.accept(call.callId()).<Void>thenApply(ok -> null))
                .whenComplete((ok, error) -> {
                    if (error != null) { // ends the call unless it already ended (then this is a no-op)
                        finish(call.callId(), CallEnd.FAILED);
                    }
                });
    }

    /**
     * Builds the accepted call's session and makes it current, unless the call ended meanwhile (cancelled,
     * hung up, engine closed): then the half-built session is closed here and its end was already reported.
     * The session must exist before the caller's offer can arrive, so it is ready before we tell the server.
     */
    private CallSession startAcceptedCall(CurrentCall accepting, List<IceServerConfig> servers, boolean video) {
        CallSession session = isCurrent(accepting)
                ? sessions.accepting(accepting.callId(), servers, video) : null;
        acceptHook.run();
        boolean published = false;
        synchronized (this) {
            if (session != null && current == accepting) {
                current = new CurrentCall(accepting.callId(), accepting.channel(), session);
                published = true;
            }
        }
        if (!published) {
            if (session != null) {
                session.close();
            }
            throw new IllegalStateException("The call ended before it could be accepted.");
        }
        session.ringing();
        session.accepted();
        return session;
    }

    private synchronized boolean isCurrent(CurrentCall call) {
        return current == call;
    }

    /** Tests hold {@link #accept} here, its session built but not yet current, to end the call meanwhile. */
    void beforeAcceptPublishes(Runnable hook) {
        acceptHook = hook;
    }

    public CompletableFuture<Void> decline() {
        IncomingCall call;
        synchronized (this) {
            call = incoming;
            incoming = null;
        }
        if (call == null) {
            return CompletableFuture.completedFuture(null);
        }
        deliver(() -> listener.callEnded(call.callId(), CallEnd.LOCAL_HANGUP));
        return signaling.decline(call.callId()).thenApply(ok -> null);
    }

    /** Hangs up the current call, or cancels our unanswered ring. */
    public CompletableFuture<Void> hangup() {
        CurrentCall call;
        synchronized (this) {
            call = current;
        }
        if (call == RINGING) {
            synchronized (this) {
                current = null; // the ring's reply will cancel it
                parked.clear();
            }
            return CompletableFuture.completedFuture(null);
        }
        if (call == null || call.callId() == null) {
            return CompletableFuture.completedFuture(null);
        }
        boolean unanswered = call.session() != null && call.session().state() == CallState.RINGING_OUTGOING;
        finish(call.callId(), CallEnd.LOCAL_HANGUP);
        return (unanswered ? signaling.cancel(call.callId()) : signaling.hangup(call.callId())).thenApply(ok -> null);
    }

    public void setMicrophoneMuted(boolean muted) {
        session().ifPresent(s -> s.setMicrophoneMuted(muted));
    }

    public void setCameraEnabled(boolean enabled) {
        session().ifPresent(s -> s.setCameraEnabled(enabled));
    }

    /** Starts sending video in an audio call (camera, or the test pattern when there is none). */
    public void startVideo() {
        session().ifPresent(s -> {
            if (settings.media().video() == VideoChoice.SYNTHETIC) {
                s.useSyntheticVideo();
            } else {
                s.useCamera();
            }
        });
    }

    /** Relays the media of calls set up from now on through TURN (or not); a call in progress keeps its path. */
    public void setForceRelay(boolean relay) {
        sessions.setForceRelay(relay);
    }

    /** Uses this camera from now on, switching the current call's video unless it shares a screen. */
    public void selectCamera(String deviceId) {
        sessions.useCamera(deviceId);
        session().filter(s -> !s.isSharingScreen()).ifPresent(s -> s.useCamera(deviceId));
    }

    /** Uses this microphone (restarts capture); false when it is gone. Call off the UI thread. */
    public boolean selectMicrophone(String deviceId) {
        return media.selectMicrophone(deviceId);
    }

    /** Plays the far side on this speaker; false when it is gone. Call off the UI thread. */
    public boolean selectSpeaker(String deviceId) {
        return media.selectSpeaker(deviceId);
    }

    public CompletableFuture<Void> shareScreen(DisplayInfo display) {
        return session().map(s -> s.shareScreen(display))
                .orElse(CompletableFuture.failedFuture(new IllegalStateException("There is no call.")));
    }

    public void stopScreenShare() {
        session().ifPresent(CallSession::stopScreenShare);
    }

    public CompletableFuture<ChatMessage> sendChat(String text) {
        return session().map(s -> s.sendChat(text))
                .orElse(CompletableFuture.failedFuture(new IllegalStateException("There is no call.")));
    }

    public String sendFile(Path file) throws IOException {
        CallSession s = session().orElseThrow(() -> new IllegalStateException("There is no call."));
        return s.sendFile(file);
    }

    public void cancelFile(String transferId) {
        session().ifPresent(s -> s.cancelFile(transferId));
    }

    /** Receives a file the far side offered ({@link FileTransferUpdate.Status#OFFERED}). */
    public void acceptFile(String transferId) {
        session().ifPresent(s -> s.acceptFile(transferId));
    }

    /** Turns down an offered file; the sender sees it declined. */
    public void declineFile(String transferId) {
        session().ifPresent(s -> s.declineFile(transferId));
    }

    // ---- observation ----

    public CallState state() {
        return session().map(CallSession::state).orElse(CallState.IDLE);
    }

    public Optional<String> safetyCode() {
        return session().flatMap(CallSession::safetyCode);
    }

    /** The far side's video; survives across calls, so the UI binds it once. */
    public LatestFrameHolder remoteVideo() {
        return sessions.remoteVideo();
    }

    public LatestFrameHolder selfView() {
        return sessions.selfView();
    }

    public double remoteAudioLevel() {
        return session().map(CallSession::remoteAudioLevel).orElse(0.0);
    }

    /** Monitors that can be shared. */
    public List<DisplayInfo> displays() {
        return videoSources.displayCapturer().displays();
    }

    /** Cameras, microphones, speakers; queries may take up to a few seconds, so call off the UI thread. */
    public DeviceCatalog devices() {
        return media.devices();
    }

    // ---- from signaling (SignalingEvents) ----

    synchronized Optional<CallSession> sessionFor(String callId) {
        return current != null && callId.equals(current.callId()) ? Optional.ofNullable(current.session())
                : Optional.empty();
    }

    synchronized String currentCallId() {
        return current == null ? null : current.callId();
    }

    /** The session of the call in {@code channel}, if that is where our current call is. */
    synchronized Optional<CallSession> sessionInChannel(String channel) {
        return current != null && channel.equals(current.channel()) ? Optional.ofNullable(current.session())
                : Optional.empty();
    }

    synchronized String incomingCallId() {
        return incoming == null ? null : incoming.callId();
    }

    /**
     * After a resume the server still has an active call that we no longer do: we ended it while the server
     * could not hear us (down or unreachable for longer than a request waits), so the hang-up is sent now.
     */
    void hangUpLeftover(String callId) {
        synchronized (this) {
            if (current != null || incoming != null) {
                return; // a call of ours is being set up: leave the server's state to it
            }
        }
        LOG.info("The server still had call {}, which we ended while it could not hear us: hanging up", callId);
        signaling.hangup(callId).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Hanging up the leftover call {} failed: {}", callId, SignalingClient.unwrap(error).getMessage());
            }
        });
    }

    void incoming(IncomingCall call) {
        synchronized (this) {
            if (current != null || incoming != null) {
                return; // the server rejects rings to busy users; a duplicate event is ignored
            }
            incoming = call;
        }
        deliver(() -> listener.incomingCall(call));
    }

    /** The far side (or the server) ended the call or ring. */
    void finish(String callId, CallEnd how) {
        CallSession session = null;
        boolean known;
        synchronized (this) {
            known = current != null && callId.equals(current.callId());
            if (known) {
                session = current.session();
                current = null;
            } else if (incoming != null && incoming.callId().equals(callId)) {
                incoming = null;
                known = true;
            }
        }
        if (session != null) {
            session.end();
        }
        if (known) {
            deliver(() -> listener.callEnded(callId, how));
        }
    }

    private synchronized Optional<CallSession> session() {
        return current == null ? Optional.empty() : Optional.ofNullable(current.session());
    }

    private void deliver(Runnable event) {
        listenerExecutor.execute(event);
    }

    /** Ends any call and releases the media engine if this engine created it. */
    @Override
    public void close() {
        signaling.removeListener(signalingEvents);
        CallSession session;
        synchronized (this) {
            session = current == null ? null : current.session();
            current = null;
            incoming = null;
        }
        if (session != null) {
            session.close();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsMedia) {
            media.close();
        }
    }
}
