package app.duet.client.call;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import app.duet.client.call.LifecycleAction.*; // the lifecycle's vocabulary, performed here
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.model.CallState;
import app.duet.client.call.threads.DaemonThreads;
import app.duet.client.call.threads.GuardedTasks;
import app.duet.client.signaling.SignalingClient;
import app.duet.protocol.Media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UI and the headless client use to make calls: a thin shell over the {@link CallLifecycle}. Every
 * command and every signaling event about calls runs on the engine's one thread, which alone touches the
 * lifecycle and creates or ends the {@link CallSession}; so there are no locks and no check-then-act. The
 * session's controls (microphone, camera, screen, chat, files) are in {@link CallControls}. Reports go to
 * the listener on the executor the caller chose ({@code Platform::runLater} in the app). No method blocks
 * except {@link #start} and {@link #close}; one call at a time.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallEngine.class);

    private final SignalingClient signaling;
    private final MediaEngine media;
    private final boolean ownsMedia;
    private final CallEngineListener listener;
    private final Executor listenerExecutor;
    private final ExecutorService thread;
    private final SignalingEvents signalingEvents;
    private final IceServerLookup iceServers;
    private final CallSessionFactory sessions;
    private final CallControls controls;
    private final CallLifecycle lifecycle = new CallLifecycle(); // engine thread only
    private final PendingCommands pending = new PendingCommands(); // engine thread only
    private CompletableFuture<Void> lastSent = CompletableFuture.completedFuture(null); // engine thread only
    private volatile CallSession session;
    private volatile Runnable beforeSessionCreated = () -> { };

    /** Starts the media engine (probing audio devices may take seconds: off the UI thread) and listens to signaling. */
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
        this.listener = listener;
        this.listenerExecutor = listenerExecutor;
        this.iceServers = new IceServerLookup(signaling);
        this.sessions = new CallSessionFactory(signaling, media, settings, listener, listenerExecutor,
                id -> post(l -> l.sessionFailed(id)));
        this.controls = new SessionControls(() -> Optional.ofNullable(session), this::hangup, sessions, media, settings);
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-engine"));
        this.signalingEvents = new SignalingEvents(this);
        signaling.addListener(signalingEvents);
    }

    // ---- the call's life ----

    /** Rings the other member of {@code channel}; completes with the call id once the server took the ring. */
    public CompletableFuture<String> ring(String channel, boolean video) {
        CompletableFuture<String> result = new CompletableFuture<>();
        onEngineThread(() -> {
            String callId = CallIds.next();
            List<LifecycleAction> actions = lifecycle.ring(callId, channel, video);
            if (!PendingCommands.refused(actions, result)) {
                pending.ringing(callId, result);
                perform(actions);
            }
        });
        return result;
    }

    /**
     * Accepts the incoming call, sending {@code media} whatever the caller offered: no camera with audio
     * ({@link CallControls#startVideo} can add it later), video even in a call offered as audio only.
     */
    public CompletableFuture<Void> accept(Media media) {
        Objects.requireNonNull(media, "media");
        CompletableFuture<Void> result = new CompletableFuture<>();
        onEngineThread(() -> {
            List<LifecycleAction> actions = lifecycle.accept(media == Media.VIDEO);
            if (!PendingCommands.refused(actions, result)) {
                pending.accepting(lifecycle.callId(), result);
                perform(actions);
            }
        });
        return result;
    }

    public CompletableFuture<Void> decline() {
        return command(CallLifecycle::decline);
    }

    /** Hangs up the current call, cancels our unanswered ring, or declines a ring to us. */
    public CompletableFuture<Void> hangup() {
        return command(CallLifecycle::hangup);
    }

    /** Microphone, camera, screen, chat and files of the current call. */
    public CallControls controls() {
        return controls;
    }

    // ---- observation ----

    public CallState state() {
        CallSession s = session;
        return s == null ? CallState.IDLE : s.state();
    }

    public Optional<String> safetyCode() {
        return Optional.ofNullable(session).flatMap(CallSession::safetyCode);
    }

    // ---- from signaling (SignalingEvents) and tests ----

    /** Runs a lifecycle event on the engine thread and performs what it asks. */
    void post(Function<CallLifecycle, List<LifecycleAction>> event) {
        onEngineThread(() -> perform(event.apply(lifecycle)));
    }

    /** Hands a relayed offer, answer or candidate to its call's session, in arrival order. */
    void relay(String callId, Consumer<CallSession> deliver) {
        onEngineThread(() -> {
            if (lifecycle.hasSession(callId)) {
                deliver.accept(session);
            } else {
                LOG.debug("Dropped a relayed message for call {}, which has no session here", callId);
            }
        });
    }

    /** Tests hold the engine thread here, just before a call's session is built. */
    void beforeSessionCreated(Runnable hook) {
        beforeSessionCreated = hook;
    }

    // ---- internals (engine thread) ----

    private CompletableFuture<Void> command(Function<CallLifecycle, List<LifecycleAction>> command) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        onEngineThread(() -> {
            lastSent = CompletableFuture.completedFuture(null);
            perform(command.apply(lifecycle));
            lastSent.whenComplete((ok, error) -> {
                if (error == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(error);
                }
            });
        });
        return result;
    }

    private void perform(List<LifecycleAction> actions) {
        actions.forEach(this::perform);
    }

    private void perform(LifecycleAction action) {
        LOG.debug("Call lifecycle: {}", action);
        if (action instanceof FetchIceServers fetch) {
            String id = fetch.callId();
            iceServers.fetch().whenComplete((servers, error) -> onEngineThread(() -> {
                List<LifecycleAction> next = error == null ? lifecycle.iceServersReady(id, servers)
                        : lifecycle.setupFailed(id);
                perform(next);
                if (next.stream().noneMatch(SendRing.class::isInstance)) {
                    pending.ringDropped(id);
                }
            }));
        } else if (action instanceof SendRing ring) {
            Media kind = ring.video() ? Media.VIDEO : Media.AUDIO;
            signaling.ring(ring.channel(), kind, ring.callId()).whenComplete((reply, error) -> onEngineThread(() -> {
                if (error != null) {
                    LOG.info("Ring failed: {}", SignalingClient.unwrap(error).getMessage());
                }
                perform(error == null ? lifecycle.ringTaken(ring.callId(), reply.callId())
                        : lifecycle.ringFailed(ring.callId()));
                pending.ringAnswered(ring.callId(), error == null ? reply.callId() : null, error);
            }));
        } else if (action instanceof CreateSession create) {
            createSession(create);
        } else if (action instanceof AcceptSession) {
            session.accepted();
        } else if (action instanceof EndSession) {
            if (session != null) { // null when it could not be built
                session.end();
                session = null;
            }
        } else if (action instanceof ResumeSession resume) {
            session.signalingResumed(resume.farSideConnected());
        } else if (action instanceof FarSideConnected far) {
            session.farSideConnected(far.connected());
        } else if (action instanceof SendAccept accept) {
            signaling.accept(accept.callId()).whenComplete((ok, error) -> onEngineThread(() -> {
                perform(error == null ? lifecycle.acceptTaken(accept.callId()) : lifecycle.acceptFailed(accept.callId()));
                pending.acceptAnswered(accept.callId(), error);
            }));
        } else if (action instanceof SendDecline decline) {
            lastSent = send("decline", decline.callId(), signaling::decline);
        } else if (action instanceof SendCancel cancel) {
            // A cancel that crossed the callee's accept finds the call active: it is hung up instead, or the
            // callee would stay in a call with nobody.
            lastSent = send("cancel", cancel.callId(),
                    id -> signaling.cancel(id).exceptionallyCompose(refused -> signaling.hangup(id)));
        } else if (action instanceof SendHangup hangup) {
            lastSent = send("hang-up", hangup.callId(), signaling::hangup);
        } else if (action instanceof NotifyIncoming incoming) {
            listenerExecutor.execute(() -> listener.incomingCall(incoming.call()));
        } else if (action instanceof NotifyEnded ended) {
            pending.callEnded(ended.callId());
            listenerExecutor.execute(() -> listener.callEnded(ended.callId(), ended.how()));
        }
    }

    /** Builds the call's session; one that cannot be built (its media failed natively, no display) fails the call. */
    private void createSession(CreateSession create) {
        beforeSessionCreated.run();
        try {
            session = sessions.create(create.callId(), create.role(), create.iceServers(), create.video());
        } catch (RuntimeException | Error e) {
            LOG.error("The call's media could not be set up", e);
            perform(lifecycle.sessionFailed(create.callId()));
            return;
        }
        session.ringing();
        if (create.accepted()) {
            session.accepted();
        }
    }

    private CompletableFuture<Void> send(String what, String callId,
                                         Function<String, CompletableFuture<?>> request) {
        return request.apply(callId).<Void>thenApply(ok -> null).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Sending the {} for call {} failed: {}", what, callId,
                        SignalingClient.unwrap(error).getMessage());
            }
        });
    }






    private void onEngineThread(Runnable task) {
        GuardedTasks.execute(thread, task, e -> LOG.error("A call lifecycle step failed", e), "a call event");
    }

    /** Ends any call and releases the media engine if this engine created it. */
    @Override
    public void close() {
        signaling.removeListener(signalingEvents);
        CompletableFuture<CallSession> closing = new CompletableFuture<>();
        onEngineThread(() -> {
            CallSession last = session;
            lifecycle.closed();
            session = null;
            closing.complete(last);
        });
        thread.shutdown();
        try {
            if (thread.awaitTermination(5, TimeUnit.SECONDS)) {
                CallSession last = closing.getNow(null);
                if (last != null) {
                    last.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsMedia) {
            media.close();
        }
    }
}
