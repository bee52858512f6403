package app.duet.client.signaling;

import app.duet.protocol.Event;

/** Routes a decoded event to the matching listener method. */
final class EventDispatch {
    private EventDispatch() {
    }

    static void deliver(Event event, SignalingListener l) {
        if (event instanceof Event.Presence e) {
            l.onPresence(e);
        } else if (event instanceof Event.DisplayNameChanged e) {
            l.onDisplayNameChanged(e);
        } else if (event instanceof Event.ChannelDeleted e) {
            l.onChannelDeleted(e);
        } else if (event instanceof Event.CallIncoming e) {
            l.onCallIncoming(e);
        } else if (event instanceof Event.CallAccepted e) {
            l.onCallAccepted(e);
        } else if (event instanceof Event.CallDeclined e) {
            l.onCallDeclined(e);
        } else if (event instanceof Event.CallCancelled e) {
            l.onCallCancelled(e);
        } else if (event instanceof Event.CallEnded e) {
            l.onCallEnded(e);
        } else if (event instanceof Event.Offer e) {
            l.onOffer(e);
        } else if (event instanceof Event.Answer e) {
            l.onAnswer(e);
        } else if (event instanceof Event.Candidate e) {
            l.onCandidate(e);
        } else if (event instanceof Event.MissedCalls e) {
            l.onMissedCalls(e);
        } else if (event instanceof Event.ServerShutdown e) {
            l.onServerShutdown(e);
        } else if (event instanceof Event.ChannelRemoved e) {
            l.onChannelRemoved(e);
        } else if (event instanceof Event.JoinRequested e) {
            l.onJoinRequested(e);
        } else if (event instanceof Event.JoinAnswered e) {
            l.onJoinAnswered(e);
        }
    }
}
