package app.duet.client.call;

import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Result;

/** Routes signaling events about calls to the {@link CallEngine} and its current session. */
final class SignalingEvents implements SignalingListener {

    private final CallEngine engine;

    SignalingEvents(CallEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onCallIncoming(Event.CallIncoming e) {
        engine.incoming(new IncomingCall(e.callId(), e.channel(), e.from().username(), e.from().displayName(),
                e.media() == Media.VIDEO));
    }

    @Override
    public void onCallAccepted(Event.CallAccepted e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(CallSession::accepted));
    }

    @Override
    public void onCallDeclined(Event.CallDeclined e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), CallEnd.DECLINED));
    }

    @Override
    public void onCallCancelled(Event.CallCancelled e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), CallEnd.CANCELLED));
    }

    @Override
    public void onCallEnded(Event.CallEnded e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), toEnd(e.reason())));
    }

    @Override
    public void onOffer(Event.Offer e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteOffer(e.sdp())));
    }

    @Override
    public void onAnswer(Event.Answer e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteAnswer(e.sdp())));
    }

    @Override
    public void onCandidate(Event.Candidate e) {
        if (e.candidate() == null || e.candidate().isEmpty()) {
            return; // end-of-candidates: libwebrtc does not need it
        }
        int index = e.sdpMLineIndex() == null ? 0 : e.sdpMLineIndex();
        IceCandidateInfo candidate = new IceCandidateInfo(e.sdpMid(), index, e.candidate());
        engine.onCallEvent(e.callId(),
                () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteCandidate(candidate)));
    }

    /**
     * After a reconnect the server tells whether our call survived (also across a server restart); if so,
     * the session resends what the lost connection may have swallowed. If not, the call is over. A call the
     * server kept but we ended meanwhile is hung up now.
     */
    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        String callId = engine.currentCallId();
        if (!resumed) {
            return;
        }
        if (callId == null) {
            if (auth.call() != null && auth.call().state() == app.duet.protocol.CallState.ACTIVE) {
                engine.hangUpLeftover(auth.call().callId());
            }
            return;
        }
        if (auth.call() != null && callId.equals(auth.call().callId())) {
            engine.sessionFor(callId).ifPresent(CallSession::signalingResumed);
        } else {
            engine.finish(callId, CallEnd.DISCONNECTED);
        }
    }

    /** The server no longer knows our session (expired, revoked, or a server that lost its data): it ended our call. */
    @Override
    public void onSignedOut(SignOutReason reason) {
        String callId = engine.currentCallId();
        if (callId != null) {
            engine.finish(callId, CallEnd.DISCONNECTED);
        }
    }

    private static CallEnd toEnd(EndReason reason) {
        if (reason == null) {
            return CallEnd.REMOTE_HANGUP;
        }
        return switch (reason) {
            case HANGUP -> CallEnd.REMOTE_HANGUP;
            case NO_ANSWER -> CallEnd.NO_ANSWER;
            case DISCONNECTED -> CallEnd.DISCONNECTED;
            case CHANNEL_DELETED, LEFT_CHANNEL -> CallEnd.CHANNEL_GONE;
        };
    }
}
