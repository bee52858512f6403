package app.duet.server.channels;

import app.duet.protocol.CallState;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Media;
import app.duet.server.ServiceException;
import app.duet.server.store.Channels.Member;
import java.time.Instant;

/** A call's live state. Guarded by the registry lock; with several nodes, a copy read from Redis for one decision. */
final class Call {
    final String id;
    final String channel;
    final Member caller;
    final Member callee;
    final Media media;
    final String callerSession;
    /** When it began ringing (for a call restored after a restart: when it was accepted). */
    final Instant startedAt;
    CallState state = CallState.RINGING;
    /** When the callee accepted; null until then. */
    Instant answeredAt;
    /** Set when the callee accepts: the session that answered owns the callee side. */
    String calleeSession;
    /** Running while the call rings; null once answered. */
    CallTimer ringTimer;
    /** Grace timers of a side whose session has no connection; null while connected. */
    CallTimer callerGrace;
    CallTimer calleeGrace;

    Call(String id, String channel, Member caller, Member callee, Media media, String callerSession,
         Instant startedAt) {
        this.id = id;
        this.channel = channel;
        this.caller = caller;
        this.callee = callee;
        this.media = media;
        this.callerSession = callerSession;
        this.startedAt = startedAt;
    }

    boolean isCaller(Actor actor) {
        return caller.username().equals(actor.username()) && callerSession.equals(actor.sessionId());
    }

    /** The callee, from any session while ringing, from the answering session once active. */
    boolean isCallee(Actor actor) {
        return callee.username().equals(actor.username())
                && (calleeSession == null || calleeSession.equals(actor.sessionId()));
    }

    boolean involves(String username) {
        return caller.username().equals(username) || callee.username().equals(username);
    }

    /** The other side's session, for relaying; null while the callee has not answered. */
    String otherSession(Actor actor) {
        return isCaller(actor) ? calleeSession : callerSession;
    }

    String otherUsername(String username) {
        return caller.username().equals(username) ? callee.username() : caller.username();
    }

    /**
     * Glare: {@code actor} rings back the peer who is ringing them in the same channel; both mean the same call.
     * This call is the one {@code actor} is in already.
     */
    boolean isGlare(Actor actor, Channel inChannel, Member peer) {
        return state == CallState.RINGING && channel.equals(inChannel.name)
                && callee.username().equals(actor.username()) && caller.username().equals(peer.username());
    }

    /** WRONG_STATE unless the call still rings (accept, decline and cancel act only on a ringing call). */
    void requireRinging() {
        if (state != CallState.RINGING) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "The call was already answered.");
        }
    }
}
