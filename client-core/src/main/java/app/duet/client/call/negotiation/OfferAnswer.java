package app.duet.client.call.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.negotiation.NegotiationAction.AddRemoteCandidates;
import app.duet.client.call.negotiation.NegotiationAction.AnswerOffer;
import app.duet.client.call.negotiation.NegotiationAction.ApplyAnswer;
import app.duet.client.call.negotiation.NegotiationAction.CreateOffer;
import app.duet.client.call.negotiation.NegotiationAction.RollbackOffer;
import app.duet.client.call.negotiation.NegotiationAction.SendAnswer;
import app.duet.client.call.negotiation.NegotiationAction.SendOffer;
import app.duet.client.call.negotiation.NegotiationAction.Settled;
import app.duet.client.call.negotiation.NegotiationAction.Unsettled;

/**
 * The offer/answer exchange of {@link NegotiationMachine}: the signaling state as the W3C spec has it, the
 * offers in flight and those waiting for a stable moment, collisions ("perfect negotiation": the polite side
 * rolls back its own offer, the impolite side ignores theirs) and the remote ICE candidates held until a
 * remote description can take them. When an offer may go out depends on the call around it, which the
 * machine answers. Not thread-safe, as the machine.
 */
final class OfferAnswer {

    private enum Signaling { STABLE, HAVE_LOCAL_OFFER, HAVE_REMOTE_OFFER }

    private final boolean polite;
    private final BooleanSupplier ended;
    private final BooleanSupplier mayOffer;
    private final BooleanSupplier transportConnected;
    private Signaling signaling = Signaling.STABLE;
    private long offerGeneration;
    private boolean makingOffer;
    private boolean answeringOffer;
    private boolean settingRemoteAnswer;
    private boolean remoteDescriptionSet;
    private boolean ignoredLastOffer;
    private boolean renegotiationPending;
    private boolean reofferPending;
    private boolean iceRestartPending;
    private boolean rollingBack;
    /** An offer of ours was rolled back undelivered: offer again once the far side is known to be reachable. */
    private boolean offerDeferred;
    private final List<IceCandidateInfo> pendingCandidates = new ArrayList<>();

    /**
     * @param ended              whether the call has ended
     * @param mayOffer           whether an offer now would reach the far side and not collide with one we wait for
     * @param transportConnected whether the media path is up
     */
    OfferAnswer(boolean polite, BooleanSupplier ended, BooleanSupplier mayOffer, BooleanSupplier transportConnected) {
        this.polite = polite;
        this.ended = ended;
        this.mayOffer = mayOffer;
        this.transportConnected = transportConnected;
    }

    int bufferedCandidates() {
        return pendingCandidates.size();
    }

    void dropCandidates() {
        pendingCandidates.clear();
    }

    boolean busy() {
        return makingOffer || answeringOffer || settingRemoteAnswer || rollingBack || signaling != Signaling.STABLE;
    }

    /** We have made an offer the far side has not answered. */
    boolean hasLocalOffer() {
        return signaling == Signaling.HAVE_LOCAL_OFFER;
    }

    /** Our offer is out and no answer to it is being applied. */
    boolean offerUnanswered() {
        return hasLocalOffer() && !settingRemoteAnswer;
    }

    /** Our offer {@code generation} is the latest, out, and no answer to it is being applied. */
    boolean offerUnanswered(long generation) {
        return generation == offerGeneration && offerUnanswered();
    }

    List<NegotiationAction> startOffer(boolean iceRestart, boolean onlyIfNeeded) {
        offerGeneration++;
        offerDeferred = false; // a new offer carries everything the deferred one did
        makingOffer = true;
        return List.of(new Unsettled(), new CreateOffer(offerGeneration, iceRestart, onlyIfNeeded));
    }

    /** libwebrtc asks for an offer (or we restart ICE): now, or once stable and the far side can take it. */
    List<NegotiationAction> offerWanted(boolean iceRestart) {
        if (busy() || !mayOffer.getAsBoolean()) {
            if (iceRestart) {
                iceRestartPending = true;
            } else {
                renegotiationPending = true;
            }
            return List.of();
        }
        return startOffer(iceRestart, false);
    }

    List<NegotiationAction> localOfferReady(long generation, String sdp) {
        if (generation != offerGeneration || !makingOffer || ended.getAsBoolean()) {
            return List.of(); // superseded by a rollback or the call ended
        }
        makingOffer = false;
        signaling = Signaling.HAVE_LOCAL_OFFER;
        return List.of(new SendOffer(generation, sdp));
    }

    /** Our open offer is taken back and made again once the far side is known to be reachable. */
    List<NegotiationAction> deferOffer() {
        offerDeferred = true;
        return rollBack();
    }

    /** Our open offer is taken back and made again, restarting ICE. */
    List<NegotiationAction> abandonOffer() {
        iceRestartPending = true;
        return rollBack();
    }

    /** Our open offer is taken back and a full one made again once stable. */
    List<NegotiationAction> retractOffer() {
        offerAgain();
        return rollBack();
    }

    List<NegotiationAction> rolledBack() {
        rollingBack = false;
        return afterStable();
    }

    /** Queues a full offer for when we are stable, and makes it now if we are. */
    List<NegotiationAction> offerAgainWhenStable() {
        offerAgain();
        return afterStable();
    }

    List<NegotiationAction> offerNotNeeded(long generation) {
        if (generation != offerGeneration || !makingOffer) {
            return List.of();
        }
        makingOffer = false;
        return afterStable();
    }

    List<NegotiationAction> localOfferFailed(long generation) {
        if (generation == offerGeneration) {
            makingOffer = false;
        }
        return afterStable();
    }

    /** The far side's offer, to answer (rolling back ours in a collision); empty when we ignore it. */
    Optional<AnswerOffer> remoteOffer(String sdp) {
        // An answer still being applied counts as stable (W3C "isSettingRemoteAnswerPending"): the far side
        // sent it before this offer, and ignoring the offer would leave the far side waiting forever.
        boolean collision = makingOffer || signaling != Signaling.STABLE;
        ignoredLastOffer = collision && !polite;
        if (ignoredLastOffer) {
            return Optional.empty();
        }
        if (collision) {
            reofferPending = true; // our rolled-back changes need an offer of their own afterwards
        }
        offerGeneration++;
        makingOffer = false;
        signaling = Signaling.HAVE_REMOTE_OFFER;
        answeringOffer = true;
        return Optional.of(new AnswerOffer(sdp, collision));
    }

    List<NegotiationAction> localAnswerReady(String sdp) {
        if (ended.getAsBoolean() || signaling != Signaling.HAVE_REMOTE_OFFER) {
            return List.of();
        }
        signaling = Signaling.STABLE;
        answeringOffer = false;
        remoteDescriptionSet = true;
        if (offerDeferred) { // the far side reached us, so it can take our offer now
            offerAgain();
        }
        List<NegotiationAction> actions = new ArrayList<>();
        actions.add(new SendAnswer(sdp));
        actions.addAll(flushCandidates());
        actions.addAll(afterStable());
        return actions;
    }

    /** Whether a remote description was ever applied: without one the two sides have no media path. */
    boolean remoteDescriptionSet() {
        return remoteDescriptionSet;
    }

    List<NegotiationAction> answeringFailed() {
        answeringOffer = false;
        signaling = Signaling.STABLE;
        return afterStable();
    }

    List<NegotiationAction> remoteAnswerFailed() {
        settingRemoteAnswer = false;
        reofferPending = true;
        return afterStable();
    }

    List<NegotiationAction> remoteAnswer(String sdp) {
        if (ended.getAsBoolean() || signaling != Signaling.HAVE_LOCAL_OFFER) {
            return List.of(); // stale or duplicate
        }
        settingRemoteAnswer = true;
        signaling = Signaling.STABLE; // once applied; an offer arriving meanwhile queues behind it
        return List.of(new ApplyAnswer(sdp));
    }

    List<NegotiationAction> remoteAnswerApplied() {
        if (ended.getAsBoolean()) {
            return List.of();
        }
        settingRemoteAnswer = false;
        remoteDescriptionSet = true;
        // With an offer queued behind this answer, held candidates may belong to it: they wait for its answer.
        List<NegotiationAction> actions = new ArrayList<>(answeringOffer ? List.of() : flushCandidates());
        actions.addAll(afterStable());
        return actions;
    }

    List<NegotiationAction> remoteCandidate(IceCandidateInfo candidate) {
        if (ended.getAsBoolean()) {
            return List.of();
        }
        if (!remoteDescriptionSet || answeringOffer || settingRemoteAnswer || ignoredLastOffer) {
            pendingCandidates.add(candidate);
            return List.of();
        }
        return List.of(new AddRemoteCandidates(List.of(candidate)));
    }

    /** Queues an offer for when we are stable: a full one, restarting ICE if the media path is down. */
    private void offerAgain() {
        if (transportConnected.getAsBoolean()) {
            reofferPending = true;
        } else {
            iceRestartPending = true;
        }
    }

    /** Back to stable; libwebrtc's rollback is queued before any later description change. */
    private List<NegotiationAction> rollBack() {
        signaling = Signaling.STABLE;
        rollingBack = true;
        return List.of(new RollbackOffer());
    }

    private List<NegotiationAction> afterStable() {
        if (busy() || ended.getAsBoolean()) {
            return List.of();
        }
        if ((renegotiationPending || reofferPending || iceRestartPending) && mayOffer.getAsBoolean()) {
            // A change libwebrtc reported while we were busy may already be in the offer that was under way.
            boolean onlyIfNeeded = !iceRestartPending && !reofferPending;
            boolean restart = iceRestartPending;
            renegotiationPending = false;
            reofferPending = false;
            iceRestartPending = false;
            return startOffer(restart, onlyIfNeeded);
        }
        return transportConnected.getAsBoolean() ? List.of(new Settled()) : List.of();
    }

    private List<NegotiationAction> flushCandidates() {
        ignoredLastOffer = false;
        if (pendingCandidates.isEmpty()) {
            return List.of();
        }
        List<IceCandidateInfo> flushed = List.copyOf(pendingCandidates);
        pendingCandidates.clear();
        return List.of(new AddRemoteCandidates(flushed));
    }
}
