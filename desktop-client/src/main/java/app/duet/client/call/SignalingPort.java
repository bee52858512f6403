package app.duet.client.call;

/** Where a call sends its SDP and candidates: the signaling client in the app, a direct wire in tests. */
public interface SignalingPort {

    void sendOffer(String sdp);

    void sendAnswer(String sdp);

    void sendCandidate(IceCandidateInfo candidate);
}
