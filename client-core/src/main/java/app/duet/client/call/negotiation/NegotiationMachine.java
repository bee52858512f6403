package app.duet.client.call.negotiation;

import java.util.ArrayList;
import java.util.List;

import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.negotiation.NegotiationAction.AddRemoteCandidates;
import app.duet.client.call.negotiation.NegotiationAction.AnswerOffer;
import app.duet.client.call.negotiation.NegotiationAction.ApplyAnswer;
import app.duet.client.call.negotiation.NegotiationAction.AwaitFarSideOffer;
import app.duet.client.call.negotiation.NegotiationAction.Close;
import app.duet.client.call.negotiation.NegotiationAction.CreateOffer;
import app.duet.client.call.negotiation.NegotiationAction.RollbackOffer;
import app.duet.client.call.negotiation.NegotiationAction.SendAnswer;
import app.duet.client.call.negotiation.NegotiationAction.SendCandidate;
import app.duet.client.call.negotiation.NegotiationAction.SendOffer;
import app.duet.client.call.negotiation.NegotiationAction.Settled;
import app.duet.client.call.negotiation.NegotiationAction.StateChanged;
import app.duet.client.call.negotiation.NegotiationAction.Unsettled;

/**
 * Call state and SDP negotiation without any I/O: events go in, {@link NegotiationAction}s come out.
 * Implements "perfect negotiation": the caller makes the first offer and is impolite, the callee is polite
 * and rolls back its own offer on a collision; either side may renegotiate later (e.g. to add video); the
 * caller restarts ICE when the connection fails. Remote ICE candidates are held until a remote description
 * is in place. No offer is made while the far side is away from the signaling server (it could not get it,
 * and the rollback that would follow leaves the polite side without its received picture, see decision
 * 0003). When either side comes back, the caller offers again and the callee waits for that offer. An offer
 * that still went to a side just leaving is rolled back and made again once the far side is back.
 * Not thread-safe: the owner feeds it from one thread.
 */
public final class NegotiationMachine {

    private enum Signaling { STABLE, HAVE_LOCAL_OFFER, HAVE_REMOTE_OFFER }

    private final Role role;
    private CallState state = CallState.IDLE;
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
    /** Polite side after a resume: waiting for the far side's resume offer before making its own. */
    private boolean awaitingFarSideOffer;
    /** The far side has a signaling connection, so an offer reaches it. */
    private boolean farSideReachable = true;
    private long resumeEpoch;
    private boolean transportConnected;
    private final List<IceCandidateInfo> pendingCandidates = new ArrayList<>();

    public NegotiationMachine(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public CallState state() {
        return state;
    }

    /** Candidates received before a remote description could take them. */
    public int bufferedCandidates() {
        return pendingCandidates.size();
    }

    public List<NegotiationAction> ringing() {
        if (state != CallState.IDLE) {
            return List.of();
        }
        return List.of(moveTo(role == Role.CALLER ? CallState.RINGING_OUTGOING : CallState.RINGING_INCOMING));
    }

    /** The call was accepted (the callee accepted locally, or the caller heard call_accepted). */
    public List<NegotiationAction> accepted() {
        if (state != CallState.IDLE && state != CallState.RINGING_OUTGOING && state != CallState.RINGING_INCOMING) {
            return List.of();
        }
        List<NegotiationAction> actions = new ArrayList<>();
        actions.add(moveTo(CallState.ACCEPTED));
        if (role == Role.CALLER) {
            actions.add(moveTo(CallState.NEGOTIATING));
            actions.addAll(startOffer(false, false));
        }
        return actions;
    }

    public List<NegotiationAction> ended() {
        if (state == CallState.ENDED) {
            return List.of();
        }
        pendingCandidates.clear();
        return List.of(moveTo(CallState.ENDED), new Close());
    }

    /** libwebrtc says local changes (e.g. an added track) need a new offer. */
    public List<NegotiationAction> negotiationNeeded() {
        if (!negotiationStarted()) {
            return List.of(); // the first offer will include the change
        }
        if (busy() || !mayOffer()) {
            renegotiationPending = true;
            return List.of();
        }
        return startOffer(false, false);
    }

    /** Asks for an ICE restart, e.g. after the network changed. */
    public List<NegotiationAction> restartIce() {
        if (!negotiationStarted()) {
            return List.of();
        }
        if (busy() || !mayOffer()) {
            iceRestartPending = true;
            return List.of();
        }
        return startOffer(true, false);
    }

    public List<NegotiationAction> localOfferReady(long generation, String sdp) {
        if (generation != offerGeneration || !makingOffer || state == CallState.ENDED) {
            return List.of(); // superseded by a rollback or the call ended
        }
        makingOffer = false;
        signaling = Signaling.HAVE_LOCAL_OFFER;
        return List.of(new SendOffer(generation, sdp));
    }

    /**
     * Our offer did not reach the far side (it is reconnecting, or so are we): roll it back rather than wait
     * forever for an answer, and offer again once the far side is reachable. Offering again right away would
     * fail the same way.
     */
    public List<NegotiationAction> offerUndelivered(long generation) {
        if (state == CallState.ENDED || generation != offerGeneration || signaling != Signaling.HAVE_LOCAL_OFFER
                || settingRemoteAnswer) {
            return List.of(); // an answer came after all, or a newer offer superseded it
        }
        farSideReachable = false;
        offerDeferred = true;
        return rollBack();
    }

    /**
     * Our offer, made while the media path was down, got no answer in time. The server took it, but the far
     * side's connection may be dead without the server knowing yet (its network changed), so the offer is
     * gone; waiting would deadlock us as the impolite side, who ignores the far side's own offers while ours
     * is open. Roll it back and restart ICE again: a later offer reaches the far side once it is back.
     */
    public List<NegotiationAction> offerUnanswered(long generation) {
        if (state != CallState.RECONNECTING || generation != offerGeneration
                || signaling != Signaling.HAVE_LOCAL_OFFER || settingRemoteAnswer) {
            return List.of(); // answered, superseded, or the media path is back
        }
        iceRestartPending = true;
        return rollBack();
    }

    public List<NegotiationAction> rolledBack() {
        rollingBack = false;
        return afterStable();
    }

    /**
     * Our signaling connection came back and the server still has the call. Whatever was in flight may have
     * been lost with the old connection (an offer, or the answer to it), so the two sides exchange a fresh
     * offer once both are connected: restarting ICE if the media path broke meanwhile (see {@link #resync}).
     * If the far side is still away, that waits for {@link #farSideBack}.
     */
    public List<NegotiationAction> signalingResumed(boolean farSideConnected) {
        if (!negotiationStarted()) {
            return List.of();
        }
        farSideReachable = farSideConnected;
        if (signaling == Signaling.HAVE_LOCAL_OFFER) {
            offerAgain();
            return rollBack(); // its answer will not come: that connection is gone
        }
        return farSideReachable ? resync() : List.of();
    }

    /** The far side lost its signaling connection: our offers wait until it is back. */
    public List<NegotiationAction> farSideAway() {
        farSideReachable = false;
        return List.of();
    }

    /**
     * The far side has a signaling connection again. What we sent while it was away is lost, and its network
     * may have changed: the two sides exchange a fresh offer.
     */
    public List<NegotiationAction> farSideBack() {
        if (farSideReachable || !negotiationStarted()) {
            farSideReachable = true;
            return List.of();
        }
        farSideReachable = true;
        if (signaling == Signaling.HAVE_LOCAL_OFFER && !settingRemoteAnswer && !role.polite()) {
            offerAgain();
            return rollBack(); // it went to the far side's old connection, or nowhere
        }
        return resync();
    }

    /**
     * Both sides are connected after one of them was away: the caller offers and the callee waits for that
     * offer. When both resume at once (a server restart) both would otherwise offer, and the polite side's
     * rollback in that collision leaves it without its received picture (see decision 0003). The callee only
     * offers itself if none comes in time.
     */
    private List<NegotiationAction> resync() {
        if (role.polite()) {
            awaitingFarSideOffer = true;
            return List.of(new AwaitFarSideOffer(++resumeEpoch));
        }
        offerAgain();
        return afterStable();
    }

    /** The far side made no offer since both were connected: we offer ourselves. */
    public List<NegotiationAction> farSideOfferOverdue(long epoch) {
        if (!awaitingFarSideOffer || epoch != resumeEpoch || state == CallState.ENDED) {
            return List.of();
        }
        awaitingFarSideOffer = false;
        offerAgain();
        return afterStable();
    }

    /** A deferred renegotiation found nothing left to negotiate (an earlier offer already carried it). */
    public List<NegotiationAction> offerNotNeeded(long generation) {
        if (generation != offerGeneration || !makingOffer) {
            return List.of();
        }
        makingOffer = false;
        return afterStable();
    }

    public List<NegotiationAction> localOfferFailed(long generation) {
        if (generation == offerGeneration) {
            makingOffer = false;
        }
        return afterStable();
    }

    public List<NegotiationAction> remoteOffer(String sdp) {
        if (state == CallState.ENDED || state == CallState.IDLE || isRinging()) {
            return List.of();
        }
        // An answer still being applied counts as stable (W3C "isSettingRemoteAnswerPending"): the far side
        // sent it before this offer, and ignoring the offer would leave the far side waiting forever.
        boolean collision = makingOffer || signaling != Signaling.STABLE;
        ignoredLastOffer = collision && !role.polite();
        if (ignoredLastOffer) {
            return List.of();
        }
        awaitingFarSideOffer = false; // answering it brings both sides in step
        farSideReachable = true;
        if (collision) {
            reofferPending = true; // our rolled-back changes need an offer of their own afterwards
        }
        offerGeneration++;
        makingOffer = false;
        signaling = Signaling.HAVE_REMOTE_OFFER;
        answeringOffer = true;
        List<NegotiationAction> actions = new ArrayList<>();
        if (state == CallState.ACCEPTED) {
            actions.add(moveTo(CallState.NEGOTIATING));
        }
        actions.add(new Unsettled());
        actions.add(new AnswerOffer(sdp, collision));
        return actions;
    }

    public List<NegotiationAction> localAnswerReady(String sdp) {
        if (state == CallState.ENDED || signaling != Signaling.HAVE_REMOTE_OFFER) {
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

    /** Applying a remote offer or creating our answer failed; libwebrtc stays (or rolls back to) stable. */
    public List<NegotiationAction> answeringFailed() {
        answeringOffer = false;
        signaling = Signaling.STABLE;
        return afterStable();
    }

    /** The remote answer was refused; our offer is abandoned, so whatever it carried is offered again. */
    public List<NegotiationAction> remoteAnswerFailed() {
        settingRemoteAnswer = false;
        reofferPending = true;
        return afterStable();
    }

    public List<NegotiationAction> remoteAnswer(String sdp) {
        if (state == CallState.ENDED || signaling != Signaling.HAVE_LOCAL_OFFER) {
            return List.of(); // stale or duplicate
        }
        settingRemoteAnswer = true;
        signaling = Signaling.STABLE; // once applied; an offer arriving meanwhile queues behind it
        return List.of(new ApplyAnswer(sdp));
    }

    public List<NegotiationAction> remoteAnswerApplied() {
        if (state == CallState.ENDED) {
            return List.of();
        }
        settingRemoteAnswer = false;
        remoteDescriptionSet = true;
        // With an offer queued behind this answer, held candidates may belong to it: they wait for its answer.
        List<NegotiationAction> actions = new ArrayList<>(answeringOffer ? List.of() : flushCandidates());
        actions.addAll(afterStable());
        return actions;
    }

    public List<NegotiationAction> remoteCandidate(IceCandidateInfo candidate) {
        if (state == CallState.ENDED) {
            return List.of();
        }
        if (!remoteDescriptionSet || answeringOffer || settingRemoteAnswer || ignoredLastOffer) {
            pendingCandidates.add(candidate);
            return List.of();
        }
        return List.of(new AddRemoteCandidates(List.of(candidate)));
    }

    public List<NegotiationAction> localCandidate(IceCandidateInfo candidate) {
        if (state == CallState.ENDED || !negotiationStarted()) {
            return List.of();
        }
        return List.of(new SendCandidate(candidate));
    }

    public List<NegotiationAction> transport(TransportStatus status) {
        if (state == CallState.ENDED || !negotiationStarted()) {
            return List.of();
        }
        List<NegotiationAction> actions = new ArrayList<>();
        switch (status) {
            case CONNECTED -> {
                transportConnected = true;
                if (state != CallState.CONNECTED) {
                    actions.add(moveTo(CallState.CONNECTED));
                }
                if (!busy()) {
                    actions.add(new Settled());
                }
            }
            case DISCONNECTED -> {
                transportConnected = false;
                if (state == CallState.CONNECTED) {
                    actions.add(moveTo(CallState.RECONNECTING));
                }
            }
            case FAILED -> {
                transportConnected = false;
                if (state != CallState.RECONNECTING) {
                    actions.add(moveTo(CallState.RECONNECTING));
                }
                if (role == Role.CALLER) { // one side restarts, so the two restarts never collide
                    actions.addAll(restartIce());
                }
            }
            case CONNECTING -> { }
        }
        return actions;
    }

    private boolean negotiationStarted() {
        return state == CallState.NEGOTIATING || state == CallState.CONNECTED || state == CallState.RECONNECTING;
    }

    private boolean isRinging() {
        return state == CallState.RINGING_INCOMING || state == CallState.RINGING_OUTGOING;
    }

    private boolean busy() {
        return makingOffer || answeringOffer || settingRemoteAnswer || rollingBack || signaling != Signaling.STABLE;
    }

    /** An offer now would reach the far side and not collide with the one we are waiting for. */
    private boolean mayOffer() {
        return farSideReachable && !awaitingFarSideOffer;
    }

    /** Queues an offer for when we are stable: a full one, restarting ICE if the media path is down. */
    private void offerAgain() {
        if (transportConnected) {
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

    private List<NegotiationAction> startOffer(boolean iceRestart, boolean onlyIfNeeded) {
        offerGeneration++;
        offerDeferred = false; // a new offer carries everything the deferred one did
        makingOffer = true;
        return List.of(new Unsettled(), new CreateOffer(offerGeneration, iceRestart, onlyIfNeeded));
    }

    private List<NegotiationAction> afterStable() {
        if (busy() || state == CallState.ENDED) {
            return List.of();
        }
        if ((renegotiationPending || reofferPending || iceRestartPending) && mayOffer()) {
            // A change libwebrtc reported while we were busy may already be in the offer that was under way.
            boolean onlyIfNeeded = !iceRestartPending && !reofferPending;
            boolean restart = iceRestartPending;
            renegotiationPending = false;
            reofferPending = false;
            iceRestartPending = false;
            return startOffer(restart, onlyIfNeeded);
        }
        return transportConnected ? List.of(new Settled()) : List.of();
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

    private StateChanged moveTo(CallState next) {
        state = next;
        return new StateChanged(next);
    }
}
