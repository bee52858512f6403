package app.duet.server.channels;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallOutcome;
import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.Channels.Member;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls and their rules: ring, accept, decline, cancel, hang up, busy, glare, ring timeout, grace
 * period. Every method runs under the {@link ChannelRegistry} lock (hence "Locked"), records events in an
 * {@link Outbox} and hands store writes to the {@link ActiveCallLog} (active calls survive a restart) and
 * the {@link CallHistoryLog} (every call that ends, or never starts, with its outcome). The calls themselves are
 * in a {@link CallBook} and the timers in {@link CallTimers}: this node's memory, or Redis shared by several
 * nodes, where each decision is one transaction (docs/decisions/0010-redis-cluster.md).
 */
final class CallTable {
    private final CallBook book;
    private final CallTimers timers;
    private final CallTimeouts timeouts;
    private final Supplier<String> ids;
    private final ActiveCallLog log;
    private final CallHistoryLog history;

    CallTable(CallBook book, CallTimers timers, CallTimeouts timeouts, Supplier<String> ids, ActiveCallLog log,
              CallHistoryLog history) {
        this.book = book;
        this.timers = timers;
        this.timeouts = timeouts;
        this.ids = ids;
        this.log = log;
        this.history = history;
    }

    /** {@code proposedId}, when not null, is the caller's own id for the call (see {@code call_ring}). */
    String ringLocked(Actor actor, Channel channel, Member peer, Media media, boolean peerOnline, String proposedId,
                      Outbox out) {
        Call mine = book.byUser(actor.username());
        if (mine != null) {
            if (mine.isGlare(actor, channel, peer)) {
                return mergeGlareLocked(mine, actor, out);
            }
            throw new ServiceException(ErrorCode.WRONG_STATE, "You are already in a call; hang up first.");
        }
        if (proposedId != null && book.byId(proposedId) != null) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "That call id is taken; ring again with another.");
        }
        Member caller = new Member(actor.username(), actor.displayName());
        String id = proposedId != null ? proposedId : ids.get();
        if (!peerOnline || book.byUser(peer.username()) != null) {
            history.unreachedLocked(id, channel.name, caller, peer, media, peerOnline ? CallOutcome.BUSY : CallOutcome.MISSED);
            throw peerOnline ? new ServiceException(ErrorCode.PEER_BUSY, peer.displayName() + " is in another call.")
                    : new ServiceException(ErrorCode.PEER_OFFLINE, peer.displayName() + " is not connected right now.");
        }
        Call call = new Call(id, channel.name, caller, peer, media, actor.sessionId(), history.now());
        call.ringTimer = startLocked(CallTimer.Kind.RING, call, timeouts.ring());
        book.add(call);
        out.toUser(peer.username(), new Event.CallIncoming(call.id, channel.name,
                new UserInfo(caller.username(), caller.displayName()), media));
        return call.id;
    }

    void acceptLocked(Actor actor, String callId, Outbox out) {
        Call call = calleeCall(actor, callId);
        call.requireRinging();
        activateLocked(call, actor);
        out.toSession(call.callerSession, new Event.CallAccepted(call.id));
        out.toUserExcept(call.callee.username(), actor.connectionId(), new Event.CallAccepted(call.id));
    }

    void declineLocked(Actor actor, String callId, Outbox out) {
        Call call = calleeCall(actor, callId);
        call.requireRinging();
        removeLocked(call, CallOutcome.DECLINED);
        out.toSession(call.callerSession, new Event.CallDeclined(call.id));
        out.toUserExcept(call.callee.username(), actor.connectionId(), new Event.CallDeclined(call.id));
    }

    void cancelLocked(Actor actor, String callId, Outbox out) {
        Call call = requireMember(book.byId(callId), actor);
        if (!call.isCaller(actor)) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "Only the caller can cancel; decline instead.");
        }
        call.requireRinging();
        removeLocked(call, CallOutcome.CANCELLED);
        out.toUser(call.callee.username(), new Event.CallCancelled(call.id));
    }

    void hangupLocked(Actor actor, String callId, Outbox out) {
        Call call = requireMember(book.byId(callId), actor);
        endLocked(call, EndReason.HANGUP, actor.username(), out);
    }

    String relayTargetLocked(Actor actor, String callId) {
        return relayTarget(book.byId(callId), actor);
    }

    /** The session a member of {@code call} (null: none) relays offer/answer/candidate to; decides nothing. */
    static String relayTarget(Call call, Actor actor) {
        Call member = requireMember(call, actor);
        if (member.state != CallState.ACTIVE) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "The call has not been accepted yet.");
        }
        return member.otherSession(actor);
    }

    /** After a resume: re-attaches the session to its call, if it has one. */
    Optional<CallInfo> resumedLocked(Actor actor) {
        Call call = book.byUser(actor.username());
        if (call == null) {
            return Optional.empty();
        }
        boolean caller = call.isCaller(actor);
        if (caller && call.callerGrace != null) {
            timers.stop(call.callerGrace);
            call.callerGrace = null;
        } else if (!caller && actor.sessionId().equals(call.calleeSession) && call.calleeGrace != null) {
            timers.stop(call.calleeGrace);
            call.calleeGrace = null;
        }
        book.changed(call);
        if (!caller && !call.isCallee(actor)) {
            return Optional.empty();
        }
        Member peer = caller ? call.callee : call.caller;
        boolean peerOnline = (caller ? call.calleeGrace : call.callerGrace) == null;
        return Optional.of(new CallInfo(call.id, call.channel, new UserInfo(peer.username(), peer.displayName()),
                call.media, call.state, caller, peerOnline));
    }

    /** The session's last connection closed: cancel its ringing, keep its active call for the grace period. */
    void sessionDisconnectedLocked(String sessionId, Outbox out) {
        for (Call call : book.ofSession(sessionId)) {
            boolean caller = call.callerSession.equals(sessionId);
            if (call.state == CallState.RINGING) {
                removeLocked(call, CallOutcome.DISCONNECTED);
                out.toUser(call.callee.username(), new Event.CallCancelled(call.id));
            } else if (caller && call.callerGrace == null) {
                call.callerGrace = startLocked(CallTimer.Kind.CALLER_GRACE, call, timeouts.grace());
            } else if (!caller && call.calleeGrace == null) {
                call.calleeGrace = startLocked(CallTimer.Kind.CALLEE_GRACE, call, timeouts.grace());
            }
            book.changed(call); // a removed call is not written back
        }
    }

    /** The session was logged out or revoked: its calls end now. */
    void sessionEndedLocked(String sessionId, Outbox out) {
        for (Call call : book.ofSession(sessionId)) {
            String leaver = call.callerSession.equals(sessionId) ? call.caller.username() : call.callee.username();
            if (call.state == CallState.RINGING) {
                removeLocked(call, CallOutcome.DISCONNECTED);
                out.toUser(call.callee.username(), new Event.CallCancelled(call.id));
            } else {
                endLocked(call, EndReason.DISCONNECTED, leaver, out);
            }
        }
    }

    /** Ends the call in a channel (deleted, or a member left), telling both members. */
    void endInChannelLocked(String channel, EndReason reason, Outbox out) {
        for (Call call : book.inChannel(channel)) {
            endLocked(call, reason, null, out);
        }
    }

    /**
     * Puts back a call stored before a restart, with both sides away: each has {@link
     * CallTimeouts#graceAfterRestart} to resume, as after a dropped connection. A call whose channel, member
     * or media is gone (or whose member is in another call) is deleted instead. One that is still going on
     * (several nodes: another node holds it) is left as it is.
     *
     * @param channel the call's channel, null if it no longer exists
     * @return whether the call was restored
     */
    boolean restoreLocked(StoredCall stored, Channel channel) {
        if (book.byId(stored.id()) != null) {
            return true;
        }
        Optional<Member> caller = channel == null ? Optional.empty() : channel.member(stored.caller().username());
        Optional<Member> callee = channel == null ? Optional.empty() : channel.member(stored.callee().username());
        Optional<Media> media = ActiveCallLog.media(stored);
        if (caller.isEmpty() || callee.isEmpty() || media.isEmpty() || caller.equals(callee)
                || book.byUser(caller.get().username()) != null || book.byUser(callee.get().username()) != null) {
            log.removedLocked(stored.id());
            return false;
        }
        Call call = new Call(stored.id(), channel.name, caller.get(), callee.get(), media.get(),
                stored.caller().sessionId(), stored.acceptedAt());
        call.state = CallState.ACTIVE;
        call.answeredAt = stored.acceptedAt();
        call.calleeSession = stored.callee().sessionId();
        call.callerGrace = startLocked(CallTimer.Kind.CALLER_GRACE, call, timeouts.graceAfterRestart());
        call.calleeGrace = startLocked(CallTimer.Kind.CALLEE_GRACE, call, timeouts.graceAfterRestart());
        book.add(call);
        return true;
    }

    int count(CallState state) {
        return book.count(state);
    }

    /** A timer came due: the ring ends unanswered, or the grace is over; an outdated timer does nothing. */
    void timerFiredLocked(CallTimer timer, Outbox out) {
        timers.stop(timer);
        Call call = book.byId(timer.callId());
        if (call == null) {
            return;
        }
        boolean due = switch (timer.kind()) {
            case RING -> timer.equals(call.ringTimer) && call.state == CallState.RINGING;
            case CALLER_GRACE -> timer.equals(call.callerGrace);
            case CALLEE_GRACE -> timer.equals(call.calleeGrace);
        };
        if (due && timer.kind() == CallTimer.Kind.RING) {
            endLocked(call, EndReason.NO_ANSWER, null, out);
        } else if (due) {
            Member gone = timer.kind() == CallTimer.Kind.CALLER_GRACE ? call.caller : call.callee;
            endLocked(call, EndReason.DISCONNECTED, gone.username(), out);
        }
    }

    private CallTimer startLocked(CallTimer.Kind kind, Call call, Duration delay) {
        CallTimer timer = new CallTimer(kind, ids.get(), call.id);
        timers.start(timer, delay);
        return timer;
    }

    /** Removes the call and sends call_ended to its members, except {@code skipUser} (may be null). */
    private void endLocked(Call call, EndReason reason, String skipUser, Outbox out) {
        removeLocked(call, CallHistoryLog.outcome(call, reason));
        Event ended = new Event.CallEnded(call.id, reason);
        if (!call.caller.username().equals(skipUser)) {
            out.toSession(call.callerSession, ended);
        }
        if (!call.callee.username().equals(skipUser)) {
            if (call.calleeSession != null) {
                out.toSession(call.calleeSession, ended);
            } else {
                out.toUser(call.callee.username(), ended);
            }
        }
    }

    private String mergeGlareLocked(Call call, Actor actor, Outbox out) {
        activateLocked(call, actor);
        out.toSession(call.callerSession, new Event.CallAccepted(call.id));
        out.toUser(actor.username(), new Event.CallAccepted(call.id));
        return call.id;
    }

    /** The callee's {@code actor} session answered: the call is active and kept across restarts. */
    private void activateLocked(Call call, Actor actor) {
        call.state = CallState.ACTIVE;
        call.calleeSession = actor.sessionId();
        call.answeredAt = history.now();
        timers.stop(call.ringTimer);
        call.ringTimer = null;
        book.changed(call);
        log.activatedLocked(call);
    }

    private void removeLocked(Call call, CallOutcome outcome) {
        if (call.state == CallState.ACTIVE) {
            log.removedLocked(call.id);
        }
        history.endedLocked(call, outcome);
        for (CallTimer timer : new CallTimer[] {call.ringTimer, call.callerGrace, call.calleeGrace}) {
            if (timer != null) {
                timers.stop(timer);
            }
        }
        book.remove(call);
    }

    /** The call (null: none) if the actor is part of it; strangers get CALL_NOT_FOUND so they learn nothing. */
    private static Call requireMember(Call call, Actor actor) {
        if (call == null || !(call.isCaller(actor) || call.isCallee(actor))) {
            throw new ServiceException(ErrorCode.CALL_NOT_FOUND, "There is no such call.");
        }
        return call;
    }

    private Call calleeCall(Actor actor, String callId) {
        Call call = requireMember(book.byId(callId), actor);
        if (!call.isCallee(actor) || call.isCaller(actor)) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "Only the person being rung can answer.");
        }
        return call;
    }
}
