package app.duet.client.call;

import java.util.concurrent.CompletableFuture;

import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.signaling.SignalingClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one call's SDP (with our start bitrate for the far side's video) and candidates through the signaling client. */
final class CallSignalingPort implements SignalingPort {

    private static final Logger LOG = LoggerFactory.getLogger(CallSignalingPort.class);

    private final SignalingClient signaling;
    private final String callId;

    CallSignalingPort(SignalingClient signaling, String callId) {
        this.signaling = signaling;
        this.callId = callId;
    }

    @Override
    public CompletableFuture<Void> sendOffer(String sdp) {
        return signaling.sendOffer(callId, StartBitrateHint.apply(sdp)).whenComplete((ok, error) -> logFailure("offer", error))
                .thenApply(ok -> null);
    }

    @Override
    public void sendAnswer(String sdp) {
        signaling.sendAnswer(callId, StartBitrateHint.apply(sdp)).whenComplete((ok, error) -> logFailure("answer", error));
    }

    @Override
    public void sendCandidate(IceCandidateInfo c) {
        signaling.sendCandidate(callId, c.sdpMid(), c.sdpMLineIndex(), c.candidate())
                .whenComplete((ok, error) -> logFailure("candidate", error));
    }

    private void logFailure(String what, Throwable error) {
        if (error != null) {
            LOG.warn("Sending the {} for call {} failed: {}", what, callId, SignalingClient.unwrap(error).getMessage());
        }
    }
}
