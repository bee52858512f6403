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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Calls and their rules: ring, accept, decline, cancel, hang up, busy, glare, ring timeout, grace
 * period. Every method runs under the {@link ChannelRegistry} lock (hence "Locked"), records events in an
 * {@link Outbox} and hands store writes to the {@link ActiveCallLog} (active calls survive a restart) and
 * the {@link CallHistoryLog} (every call that ends, or never starts, with its outcome).
 */
final class CallTable {
    private final Map<String, Call> byId = new HashMap<>();
    /** A user is in at most one call, ringing or active. */
    private final Map<String, Call> byUser = new HashMap<>();
    private final CallScheduler scheduler;
    private final CallTimeouts timeouts;
    private final Supplier<String> ids;
    private final ActiveCallLog log;
    private final CallHistoryLog history;

    CallTable(CallScheduler scheduler, CallTimeouts timeouts, Supplier<String> ids, ActiveCallLog log,
              CallHistoryLog history) {
        this.scheduler = scheduler;
        this.timeouts = timeouts;
        this.ids = ids;
        this.log = log;
        this.history = history;
    }

    /** {@code proposedId}, when not null, is the caller's own id for the call (see {@code call_ring}). */
    String ringLocked(Actor actor, Channel channel, Member peer, Media media, boolean peerOnline, String proposedId,
                      Outbox out) {
        Call mine = byUser.get(actor.username());
        if (mine != null) {
            if (mine.isGlare(actor, channel, peer)) {
                return mergeGlareLocked(mine, actor, out);
            }
            throw new ServiceException(ErrorCode.WRONG_STATE, "You are already in a call; hang up first.");
        }
        if (proposedId != null && byId.containsKey(proposedId)) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "That call id is taken; ring again with another.");
        }
        Member caller = new Member(actor.username(), actor.displayName());
        String id = proposedId != null ? proposedId : ids.get();
        if (!peerOnline || byUser.containsKey(peer.username())) {
            history.unreachedLocked(id, channel.name, caller, peer, media, peerOnline ? CallOutcome.BUSY : CallOutcome.MISSED);
            throw peerOnline ? new ServiceException(ErrorCode.PEER_BUSY, peer.displayName() + " is in another call.")
                    : new ServiceException(ErrorCode.PEER_OFFLINE, peer.displayName() + " is not connected right now.");
        }
        Call call = new Call(id, channel.name, caller, peer, media, actor.sessionId(), history.now());
        byId.put(call.id, call);
        byUser.put(caller.username(), call);
        byUser.put(peer.username(), call);
        call.ringTimer = scheduler.schedule(timeouts.ring(), o -> ringTimedOutLocked(call, o));
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
        Call call = memberCall(actor, callId);
        if (!call.isCaller(actor)) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "Only the caller can cancel; decline instead.");
        }
        call.requireRinging();
        removeLocked(call, CallOutcome.CANCELLED);
        out.toUser(call.callee.username(), new Event.CallCancelled(call.id));
    }

    void hangupLocked(Actor actor, String callId, Outbox out) {
        Call call = memberCall(actor, callId);
        endLocked(call, EndReason.HANGUP, actor.username(), out);
    }

    /** The session to relay offer/answer/candidate to. */
    String relayTargetLocked(Actor actor, String callId) {
        Call call = memberCall(actor, callId);
        if (call.state != CallState.ACTIVE) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "The call has not been accepted yet.");
        }
        return call.otherSession(actor);
    }

    /** After a resume: re-attaches the session to its call, if it has one. */
    Optional<CallInfo> resumedLocked(Actor actor) {
        Call call = byUser.get(actor.username());
        if (call == null) {
            return Optional.empty();
        }
        boolean caller = call.isCaller(actor);
        if (caller && call.callerGrace != null) {
            call.callerGrace.cancel(false);
            call.callerGrace = null;
        } else if (!caller && actor.sessionId().equals(call.calleeSession) && call.calleeGrace != null) {
            call.calleeGrace.cancel(false);
            call.calleeGrace = null;
        }
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
        for (Call call : callsOfSession(sessionId)) {
            boolean caller = call.callerSession.equals(sessionId);
            if (call.state == CallState.RINGING) {
                removeLocked(call, CallOutcome.DISCONNECTED);
                out.toUser(call.callee.username(), new Event.CallCancelled(call.id));
            } else if (caller && call.callerGrace == null) {
                call.callerGrace = graceLocked(call, call.caller, timeouts.grace());
            } else if (!caller && call.calleeGrace == null) {
                call.calleeGrace = graceLocked(call, call.callee, timeouts.grace());
            }
        }
    }

    /** The session was logged out or revoked: its calls end now. */
    void sessionEndedLocked(String sessionId, Outbox out) {
        for (Call call : callsOfSession(sessionId)) {
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
        for (Call call : new ArrayList<>(byId.values())) {
            if (call.channel.equals(channel)) {
                endLocked(call, reason, null, out);
            }
        }
    }

    /**
     * Puts back a call stored before a restart, with both sides away: each has {@link
     * CallTimeouts#graceAfterRestart} to resume, as after a dropped connection. A call whose channel, member
     * or media is gone (or whose member is in another call) is deleted instead.
     *
     * @param channel the call's channel, null if it no longer exists
     * @return whether the call was restored
     */
    boolean restoreLocked(StoredCall stored, Channel channel) {
        Optional<Member> caller = channel == null ? Optional.empty() : channel.member(stored.caller().username());
        Optional<Member> callee = channel == null ? Optional.empty() : channel.member(stored.callee().username());
        Optional<Media> media = ActiveCallLog.media(stored);
        if (caller.isEmpty() || callee.isEmpty() || media.isEmpty() || caller.equals(callee)
                || byUser.containsKey(caller.get().username()) || byUser.containsKey(callee.get().username())) {
            log.removedLocked(stored.id());
            return false;
        }
        Call call = new Call(stored.id(), channel.name, caller.get(), callee.get(), media.get(),
                stored.caller().sessionId(), stored.acceptedAt());
        call.state = CallState.ACTIVE;
        call.answeredAt = stored.acceptedAt();
        call.calleeSession = stored.callee().sessionId();
        byId.put(call.id, call);
        byUser.put(call.caller.username(), call);
        byUser.put(call.callee.username(), call);
        call.callerGrace = graceLocked(call, call.caller, timeouts.graceAfterRestart());
        call.calleeGrace = graceLocked(call, call.callee, timeouts.graceAfterRestart());
        return true;
    }

    int count(CallState state) {
        return (int) byId.values().stream().filter(c -> c.state == state).count();
    }

    private void ringTimedOutLocked(Call call, Outbox out) {
        if (byId.get(call.id) == call && call.state == CallState.RINGING) {
            endLocked(call, EndReason.NO_ANSWER, null, out);
        }
    }

    private ScheduledFuture<?> graceLocked(Call call, Member away, Duration grace) {
        return scheduler.schedule(grace, o -> graceExpiredLocked(call, away.username(), o));
    }

    private void graceExpiredLocked(Call call, String goneUser, Outbox out) {
        if (byId.get(call.id) == call) {
            endLocked(call, EndReason.DISCONNECTED, goneUser, out);
        }
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
        call.ringTimer.cancel(false);
        log.activatedLocked(call);
    }

    private void removeLocked(Call call, CallOutcome outcome) {
        if (call.state == CallState.ACTIVE) {
            log.removedLocked(call.id);
        }
        history.endedLocked(call, outcome);
        call.cancelTimers();
        byId.remove(call.id);
        byUser.remove(call.caller.username(), call);
        byUser.remove(call.callee.username(), call);
    }

    private List<Call> callsOfSession(String sessionId) {
        List<Call> calls = new ArrayList<>();
        for (Call call : byId.values()) {
            if (call.callerSession.equals(sessionId) || sessionId.equals(call.calleeSession)) {
                calls.add(call);
            }
        }
        return calls;
    }

    /** A call the actor is part of; strangers get CALL_NOT_FOUND so they learn nothing. */
    private Call memberCall(Actor actor, String callId) {
        Call call = byId.get(callId);
        if (call == null || !(call.isCaller(actor) || call.isCallee(actor))) {
            throw new ServiceException(ErrorCode.CALL_NOT_FOUND, "There is no such call.");
        }
        return call;
    }

    private Call calleeCall(Actor actor, String callId) {
        Call call = memberCall(actor, callId);
        if (!call.isCallee(actor) || call.isCaller(actor)) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "Only the person being rung can answer.");
        }
        return call;
    }
}
