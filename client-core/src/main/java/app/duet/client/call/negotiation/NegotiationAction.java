package app.duet.client.call.negotiation;

import java.util.List;

import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceCandidateInfo;

/** What the {@link NegotiationMachine} asks its owner to do; the owner performs these in order. */
public sealed interface NegotiationAction {

    /**
     * Create an offer and set it as local description; report with {@code localOfferReady(generation, sdp)}.
     * {@code onlyIfNeeded} marks a deferred renegotiation that an earlier offer may already have covered:
     * when the connection has nothing left to negotiate, report {@code offerNotNeeded(generation)} instead.
     */
    record CreateOffer(long generation, boolean iceRestart, boolean onlyIfNeeded) implements NegotiationAction { }

    /**
     * Signal the local offer to the far side; if it cannot be delivered (the far side or our connection is
     * away), report with {@code offerUndelivered(generation)}.
     */
    record SendOffer(long generation, String sdp) implements NegotiationAction { }

    /**
     * After a resume, the polite side gives the far side's own resume offer time to arrive: report with
     * {@code farSideOfferOverdue(epoch)} after a while.
     */
    record AwaitFarSideOffer(long epoch) implements NegotiationAction { }

    /** Roll back our undelivered local offer (back to stable); report with {@code rolledBack()}. */
    record RollbackOffer() implements NegotiationAction { }

    /**
     * Set the remote offer (rolling back a local offer first when asked), create and set the answer; report
     * with {@code localAnswerReady(sdp)}.
     */
    record AnswerOffer(String sdp, boolean rollbackFirst) implements NegotiationAction { }

    /** Signal the local answer to the far side. */
    record SendAnswer(String sdp) implements NegotiationAction { }

    /** Set the remote answer; report with {@code remoteAnswerApplied()}. */
    record ApplyAnswer(String sdp) implements NegotiationAction { }

    record AddRemoteCandidates(List<IceCandidateInfo> candidates) implements NegotiationAction { }

    record SendCandidate(IceCandidateInfo candidate) implements NegotiationAction { }

    record StateChanged(CallState state) implements NegotiationAction { }

    /** Negotiation finished and the signaling state is stable: media may settle (e.g. pushed audio resumes). */
    record Settled() implements NegotiationAction { }

    /** Negotiation is under way: hold pushed audio until {@link Settled}. */
    record Unsettled() implements NegotiationAction { }

    /** Tear the peer connection down. */
    record Close() implements NegotiationAction { }

    /**
     * The call cannot be set up: the far side's first offer could not be used. The session's owner ends the
     * call (and tells the far side); {@code problem} is for the user.
     */
    record GiveUp(String problem) implements NegotiationAction {
        /** Told to the user when the far side's first offer, or its answer to our first, cannot be used. */
        public static final String UNUSABLE_SETUP =
                "The other side's call setup could not be used, so the call could not be connected.";
    }
}
