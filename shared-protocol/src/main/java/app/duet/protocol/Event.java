package app.duet.protocol;

import app.duet.protocol.Field.Format;
import app.duet.protocol.Field.MaxLength;
import app.duet.protocol.Field.MayBeEmpty;
import app.duet.protocol.Field.Optional;
import java.util.List;

/** A message the server pushes without a request. Events have no {@code id}. */
public sealed interface Event extends ServerMessage {

    /** A channel member joined, left, came online or went offline. */
    record Presence(@Format(FieldFormat.CHANNEL_NAME) String channel, UserInfo user, PresenceState state)
            implements Event {
    }

    /**
     * A user changed their display name: sent to their own connections and to everyone who shares a channel
     * with them (once each, not once per channel).
     */
    record DisplayNameChanged(UserInfo user) implements Event {
    }

    /** The owner deleted the channel; it is gone for every member. */
    record ChannelDeleted(@Format(FieldFormat.CHANNEL_NAME) String name) implements Event {
    }

    /** The owner removed you from the channel; it is gone for you, and any call in it has ended. */
    record ChannelRemoved(@Format(FieldFormat.CHANNEL_NAME) String name) implements Event {
    }

    /** To the owner: someone asks to join the channel; answer with channel_join_answer. */
    record JoinRequested(@Format(FieldFormat.CHANNEL_NAME) String channel, UserInfo user) implements Event {
    }

    /** To whoever asked to join: the owner's answer. When approved you are a member now. */
    record JoinAnswered(@Format(FieldFormat.CHANNEL_NAME) String channel, Boolean approved) implements Event {
    }

    /** Someone rings you. Answer with call_accept or call_decline. */
    record CallIncoming(String callId, @Format(FieldFormat.CHANNEL_NAME) String channel, UserInfo from, Media media)
            implements Event {
    }

    /** Sent to both members. The caller then sends the offer. */
    record CallAccepted(String callId) implements Event {
    }

    /** To the caller: the callee declined. */
    record CallDeclined(String callId) implements Event {
    }

    /** To the callee: the caller gave up ringing. */
    record CallCancelled(String callId) implements Event {
    }

    /** The call is over for both members. */
    record CallEnded(String callId, EndReason reason) implements Event {
    }

    /** An SDP offer from the other member of the call. */
    record Offer(String callId, @Format(FieldFormat.USERNAME) String from, @MaxLength(Protocol.MAX_SDP_LENGTH) String sdp)
            implements Event {
    }

    /** An SDP answer from the other member of the call. */
    record Answer(String callId, @Format(FieldFormat.USERNAME) String from, @MaxLength(Protocol.MAX_SDP_LENGTH) String sdp)
            implements Event {
    }

    /** An ICE candidate from the other member of the call; empty {@code candidate} = end of candidates. */
    record Candidate(
            String callId,
            @Format(FieldFormat.USERNAME) String from,
            @Optional @MayBeEmpty @MaxLength(64) String sdpMid,
            Integer sdpMLineIndex,
            @MayBeEmpty @MaxLength(Protocol.MAX_CANDIDATE_LENGTH) String candidate) implements Event {
    }

    /**
     * Your unseen missed calls, newest first (at most {@link Protocol#MAX_HISTORY_PAGE}): sent after every
     * sign-in, to all your connections when a call is missed, and to your other connections when you mark
     * calls seen or clear history. Each one replaces the last.
     */
    record MissedCalls(List<HistoryEntry> calls) implements Event {
        public MissedCalls {
            calls = calls == null ? null : List.copyOf(calls);
        }
    }

    /** The server is stopping; reconnect (and resume) after this many milliseconds. */
    record ServerShutdown(Long reconnectAfterMs) implements Event {
    }
}
