package app.duet.client.call.negotiation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.call.model.TransportStatus;
import app.duet.client.call.negotiation.NegotiationAction.*; // the actions are this machine's vocabulary

/**
 * Call state and SDP negotiation without any I/O: events go in, {@link NegotiationAction}s come out.
 * Implements "perfect negotiation": the caller makes the first offer and is impolite, the callee is polite
 * and rolls back its own offer on a collision; either side may renegotiate later (e.g. to add video); the
 * caller restarts ICE when the connection fails. Remote ICE candidates are held until a remote description
 * is in place. No offer is made while the far side is away from the signaling server (it could not get it,
 * and the rollback that would follow leaves the polite side without its received picture, see decision
 * 0003). When either side comes back, the caller offers again and the callee waits for that offer. An offer
 * that still went to a side just leaving is rolled back and made again once the far side is back.
 * This class holds the call's state, the transport and where the far side is; the offers and answers
 * themselves are {@link OfferAnswer}'s. Not thread-safe: the owner feeds it from one thread.
 */
public final class NegotiationMachine {

    private final Role role;
    private final OfferAnswer exchange;
    private CallState state = CallState.IDLE;
    /** Polite side after a resume: waiting for the far side's resume offer before making its own. */
    private boolean awaitingFarSideOffer;
    /** The far side has a signaling connection, so an offer reaches it. */
    private boolean farSideReachable = true;
    private long resumeEpoch;
    private boolean transportConnected;

    public NegotiationMachine(Role role) {
        this.role = role;
        this.exchange = new OfferAnswer(role.polite(), () -> state == CallState.ENDED,
                () -> farSideReachable && !awaitingFarSideOffer, () -> transportConnected);
    }

    public Role role() {
        return role;
    }

    public CallState state() {
        return state;
    }

    /** Candidates received before a remote description could take them. */
    public int bufferedCandidates() {
        return exchange.bufferedCandidates();
    }

    public List<NegotiationAction> ringing() {
        if (state != CallState.IDLE) {
            return List.of();
        }
        return List.of(moveTo(role == Role.CALLER ? CallState.RINGING_OUTGOING : CallState.RINGING_INCOMING));
    }

    /** The call was accepted (the callee accepted locally, or the caller heard call_accepted). */
    public List<NegotiationAction> accepted() {
        if (state != CallState.IDLE && !state.isRinging()) {
            return List.of();
        }
        List<NegotiationAction> actions = new ArrayList<>();
        actions.add(moveTo(CallState.ACCEPTED));
        if (role == Role.CALLER) {
            actions.add(moveTo(CallState.NEGOTIATING));
            actions.addAll(exchange.startOffer(false, false));
        }
        return actions;
    }

    public List<NegotiationAction> ended() {
        if (state == CallState.ENDED) {
            return List.of();
        }
        exchange.dropCandidates();
        return List.of(moveTo(CallState.ENDED), new Close());
    }

    /** libwebrtc says local changes (e.g. an added track) need a new offer. */
    public List<NegotiationAction> negotiationNeeded() {
        if (!state.isNegotiated()) {
            return List.of(); // the first offer will include the change
        }
        return exchange.offerWanted(false);
    }

    /** Asks for an ICE restart, e.g. after the network changed. */
    public List<NegotiationAction> restartIce() {
        return state.isNegotiated() ? exchange.offerWanted(true) : List.of();
    }

    public List<NegotiationAction> localOfferReady(long generation, String sdp) {
        return exchange.localOfferReady(generation, sdp);
    }

    /**
     * Our offer did not reach the far side (it is reconnecting, or so are we): roll it back rather than wait
     * forever for an answer, and offer again once the far side is reachable. Offering again right away would
     * fail the same way.
     */
    public List<NegotiationAction> offerUndelivered(long generation) {
        if (state == CallState.ENDED || !exchange.offerUnanswered(generation)) {
            return List.of(); // an answer came after all, or a newer offer superseded it
        }
        farSideReachable = false;
        return exchange.deferOffer();
    }

    /**
     * Our offer, made while the media path was down, got no answer in time. The server took it, but the far
     * side's connection may be dead without the server knowing yet (its network changed), so the offer is
     * gone; waiting would deadlock us as the impolite side, who ignores the far side's own offers while ours
     * is open. Roll it back and restart ICE again: a later offer reaches the far side once it is back.
     */
    public List<NegotiationAction> offerUnanswered(long generation) {
        if (state != CallState.RECONNECTING || !exchange.offerUnanswered(generation)) {
            return List.of(); // answered, superseded, or the media path is back
        }
        return exchange.abandonOffer();
    }

    public List<NegotiationAction> rolledBack() {
        return exchange.rolledBack();
    }

    /**
     * Our signaling connection came back and the server still has the call. Whatever was in flight may have
     * been lost with the old connection (an offer, or the answer to it), so the two sides exchange a fresh
     * offer once both are connected: restarting ICE if the media path broke meanwhile (see {@link #resync}).
     * If the far side is still away, that waits for {@link #farSideBack}.
     */
    public List<NegotiationAction> signalingResumed(boolean farSideConnected) {
        if (!state.isNegotiated()) {
            return List.of();
        }
        farSideReachable = farSideConnected;
        if (exchange.hasLocalOffer()) {
            return exchange.retractOffer(); // its answer will not come: that connection is gone
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
        if (farSideReachable || !state.isNegotiated()) {
            farSideReachable = true;
            return List.of();
        }
        farSideReachable = true;
        if (exchange.offerUnanswered() && !role.polite()) {
            return exchange.retractOffer(); // it went to the far side's old connection, or nowhere
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
        return exchange.offerAgainWhenStable();
    }

    /** The far side made no offer since both were connected: we offer ourselves. */
    public List<NegotiationAction> farSideOfferOverdue(long epoch) {
        if (!awaitingFarSideOffer || epoch != resumeEpoch || state == CallState.ENDED) {
            return List.of();
        }
        awaitingFarSideOffer = false;
        return exchange.offerAgainWhenStable();
    }

    /** A deferred renegotiation found nothing left to negotiate (an earlier offer already carried it). */
    public List<NegotiationAction> offerNotNeeded(long generation) {
        return exchange.offerNotNeeded(generation);
    }

    public List<NegotiationAction> localOfferFailed(long generation) {
        return exchange.localOfferFailed(generation);
    }

    public List<NegotiationAction> remoteOffer(String sdp) {
        if (state == CallState.ENDED || state == CallState.IDLE || state.isRinging()) {
            return List.of();
        }
        Optional<AnswerOffer> answer = exchange.remoteOffer(sdp);
        if (answer.isEmpty()) {
            return List.of(); // we are the impolite side and have an offer of our own out
        }
        awaitingFarSideOffer = false; // answering it brings both sides in step
        farSideReachable = true;
        List<NegotiationAction> actions = new ArrayList<>();
        if (state == CallState.ACCEPTED) {
            actions.add(moveTo(CallState.NEGOTIATING));
        }
        actions.add(new Unsettled());
        actions.add(answer.get());
        return actions;
    }

    public List<NegotiationAction> localAnswerReady(String sdp) {
        return exchange.localAnswerReady(sdp);
    }

    /** Answering failed (libwebrtc stays stable): a later offer keeps what the call had, a first one gives up. */
    public List<NegotiationAction> answeringFailed() {
        List<NegotiationAction> actions = new ArrayList<>(exchange.answeringFailed());
        if (!exchange.remoteDescriptionSet() && state != CallState.ENDED) {
            actions.add(new GiveUp(GiveUp.UNUSABLE_SETUP));
        }
        return actions;
    }

    /** The remote answer was refused: a first gives the call up as a first offer does; later, we offer again. */
    public List<NegotiationAction> remoteAnswerFailed() {
        List<NegotiationAction> again = exchange.remoteAnswerFailed();
        boolean first = !exchange.remoteDescriptionSet() && state != CallState.ENDED;
        return first ? List.of(new GiveUp(GiveUp.UNUSABLE_SETUP)) : again;
    }

    public List<NegotiationAction> remoteAnswer(String sdp) {
        return exchange.remoteAnswer(sdp);
    }

    public List<NegotiationAction> remoteAnswerApplied() {
        return exchange.remoteAnswerApplied();
    }

    public List<NegotiationAction> remoteCandidate(IceCandidateInfo candidate) {
        return exchange.remoteCandidate(candidate);
    }

    public List<NegotiationAction> localCandidate(IceCandidateInfo candidate) {
        if (state == CallState.ENDED || !state.isNegotiated()) {
            return List.of();
        }
        return List.of(new SendCandidate(candidate));
    }

    public List<NegotiationAction> transport(TransportStatus status) {
        if (state == CallState.ENDED || !state.isNegotiated()) {
            return List.of();
        }
        List<NegotiationAction> actions = new ArrayList<>();
        switch (status) {
            case CONNECTED -> {
                transportConnected = true;
                if (state != CallState.CONNECTED) {
                    actions.add(moveTo(CallState.CONNECTED));
                }
                if (!exchange.busy()) {
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

    private StateChanged moveTo(CallState next) {
        state = next;
        return new StateChanged(next);
    }
}
