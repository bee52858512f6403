package app.duet.client.call;

import java.util.concurrent.CompletableFuture;

import app.duet.client.call.model.IceCandidateInfo;

/** Where a call sends its SDP and candidates: the signaling client in the app, a direct wire in tests. */
public interface SignalingPort {

    /** Completes when the server relayed the offer; fails when it could not (e.g. the far side is away). */
    CompletableFuture<Void> sendOffer(String sdp);

    void sendAnswer(String sdp);

    void sendCandidate(IceCandidateInfo candidate);
}
