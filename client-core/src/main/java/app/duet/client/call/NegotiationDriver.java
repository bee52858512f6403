package app.duet.client.call;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import app.duet.client.call.media.LocalMedia;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.negotiation.NegotiationAction;
import app.duet.client.call.negotiation.NegotiationMachine;
import app.duet.client.call.negotiation.Role;
import app.duet.client.call.peer.PeerMedia;
import app.duet.client.call.peer.PeerSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what a call's {@link NegotiationMachine} asks (offers, answers, rollbacks and candidates on the
 * peer connection and the signaling port, timers, settling media) and feeds it what comes back, including the
 * peer connection's own events. Used only on the call thread.
 */
final class NegotiationDriver implements PeerSession.Events {

    private static final Logger LOG = LoggerFactory.getLogger(NegotiationDriver.class);
    /** An answer normally comes within a second; one this late while reconnecting was lost on the way. */
    static final long OFFER_ANSWER_TIMEOUT_SECONDS = 5;
    /** How long the polite side waits, after a resume, for the far side's resume offer (see the machine). */
    static final long FAR_SIDE_RESUME_OFFER_SECONDS = 3;

    private final NegotiationMachine machine;
    private final SignalingPort signaling;
    private final ScheduledExecutorService callThread;
    private final Consumer<Runnable> callTask;
    private final LocalMedia media;
    private final PeerMedia peerMedia;
    private final Consumer<CallState> stateChanged;
    private final Runnable close;
    private final Consumer<String> giveUp;
    private PeerSession peer;
    private MediaSettle settle;
    private ScheduledFuture<?> answerTimer;

    /**
     * @param callTask     runs a task later on the call thread, reporting its failure to the call
     * @param stateChanged told each new call state
     * @param close        tears the call down when the machine says so
     * @param giveUp       told, with a sentence for the user, that the call cannot be set up
     */
    NegotiationDriver(NegotiationMachine machine, SignalingPort signaling, ScheduledExecutorService callThread,
                      Consumer<Runnable> callTask, LocalMedia media, PeerMedia peerMedia,
                      Consumer<CallState> stateChanged, Runnable close, Consumer<String> giveUp) {
        this.machine = machine;
        this.signaling = signaling;
        this.callThread = callThread;
        this.callTask = callTask;
        this.media = media;
        this.peerMedia = peerMedia;
        this.stateChanged = stateChanged;
        this.close = close;
        this.giveUp = giveUp;
    }

    /** The call's peer connection, once the call is accepted. */
    void attach(PeerSession session) {
        this.peer = session;
        this.settle = new MediaSettle(callThread, session);
    }

    Role role() {
        return machine.role();
    }

    PeerSession peer() {
        return peer;
    }

    /** Feeds the machine an event now (on the call thread) and carries out its answer. */
    void handle(Function<NegotiationMachine, List<NegotiationAction>> event) {
        perform(event.apply(machine));
    }

    /** As {@link #handle}, as a task of its own on the call thread. */
    void handleLater(Function<NegotiationMachine, List<NegotiationAction>> event) {
        callTask.accept(() -> handle(event));
    }

    @Override
    public void localCandidate(IceCandidateInfo candidate) {
        handle(m -> m.localCandidate(candidate));
    }

    @Override
    public void transport(TransportStatus status) {
        handle(m -> m.transport(status));
    }

    @Override
    public void negotiationNeeded() {
        LOG.debug("libwebrtc: negotiation needed");
        handle(NegotiationMachine::negotiationNeeded);
    }

    /** Stops the timers and holds pushed audio: the call is being torn down. */
    void stop() {
        unsettle();
        cancelAnswerTimer(); // a pending one would hold up the call thread's shutdown
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
                    handleLater(m -> m.offerUndelivered(offer.generation()));
                }
            });
            cancelAnswerTimer();
            answerTimer = callThread.schedule(() -> handleLater(m -> m.offerUnanswered(offer.generation())),
                    OFFER_ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } else if (action instanceof NegotiationAction.AwaitFarSideOffer wait) {
            callThread.schedule(() -> handleLater(m -> m.farSideOfferOverdue(wait.epoch())),
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
            stateChanged.accept(changed.state());
        } else if (action instanceof NegotiationAction.Settled) {
            scheduleSettle();
        } else if (action instanceof NegotiationAction.Unsettled) {
            unsettle();
        } else if (action instanceof NegotiationAction.Close) {
            close.run();
        } else if (action instanceof NegotiationAction.GiveUp failed) {
            giveUp.accept(failed.problem());
        }
    }

    private List<NegotiationAction> failed(String what, Throwable error, List<NegotiationAction> next) {
        LOG.warn("Negotiation step failed: {}", what, error);
        return next;
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
}
