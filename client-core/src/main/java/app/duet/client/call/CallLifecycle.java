package app.duet.client.call;

import java.util.ArrayList;
import java.util.List;

import app.duet.client.call.LifecycleAction.*; // the actions are this machine's vocabulary
import app.duet.client.call.model.IceServerConfig;
import app.duet.client.call.negotiation.Role;
import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;

/**
 * A call's whole life, from the ring to its end, in one place and without I/O, threads or libwebrtc: the
 * user's commands and the server's events go in, {@link LifecycleAction}s come out, as
 * {@link app.duet.client.call.negotiation.NegotiationMachine} does for one connection's negotiation. One call
 * at a time. Our rings carry our own call id, so every event about our call can be matched the moment it
 * arrives, even before the server's reply to the ring. Not thread-safe: the engine confines it to its thread.
 */
public final class CallLifecycle {
    private LifecycleStage stage = LifecycleStage.IDLE;
    private String callId;
    private String channel;
    private boolean video;
    private final CallIceServers iceServers = new CallIceServers();
    /** Outgoing: the server took our ring. */
    private boolean ringTaken;
    /** Outgoing: the far side accepted (may come before the server's reply to our ring). */
    private boolean accepted;
    /** A session exists for {@link #callId}. */
    private boolean session;
    private boolean signedIn;

    // ---- the user's commands ----

    public List<LifecycleAction> ring(String newCallId, String inChannel, boolean withVideo) {
        if (stage != LifecycleStage.IDLE) {
            return refuse("You are already in a call.");
        }
        stage = LifecycleStage.OUTGOING;
        callId = newCallId;
        channel = inChannel;
        video = withVideo;
        return List.of(iceServers.ask(callId));
    }

    public List<LifecycleAction> accept(boolean withVideo) {
        if (stage != LifecycleStage.INCOMING) {
            return refuse("There is no call to accept.");
        }
        stage = LifecycleStage.ACCEPTING;
        video = withVideo;
        // Asked for while it rang: the session starts now, or as soon as they arrive.
        return iceServers.known() ? calleeSession()
                : iceServers.asking() ? List.of() : List.of(iceServers.ask(callId));
    }

    public List<LifecycleAction> decline() {
        if (stage != LifecycleStage.INCOMING) {
            return List.of();
        }
        String declined = callId;
        return with(end(CallEnd.LOCAL_HANGUP), new SendDecline(declined));
    }

    /** Hangs up, cancels our ring or declines the ring to us. */
    public List<LifecycleAction> hangup() {
        String id = callId;
        return switch (stage) {
            case IDLE -> List.of();
            case INCOMING -> decline();
            // A ring the server has not taken yet is hung up when its reply comes (see ringTaken).
            case OUTGOING -> !ringTaken ? end(CallEnd.LOCAL_HANGUP)
                    : with(end(CallEnd.LOCAL_HANGUP), accepted ? new SendHangup(id) : new SendCancel(id));
            case ACCEPTING, ACTIVE -> with(end(CallEnd.LOCAL_HANGUP), new SendHangup(id));
        };
    }

    /** The engine is closing: the session goes, nobody is told. */
    public List<LifecycleAction> closed() {
        List<LifecycleAction> actions = session ? List.of(new EndSession(callId)) : List.of();
        reset();
        return actions;
    }

    // ---- outcomes of our own actions ----

    public List<LifecycleAction> iceServersReady(String id, List<IceServerConfig> servers) {
        if (!isCurrent(id)) {
            return List.of();
        }
        iceServers.arrived(servers);
        return stage == LifecycleStage.OUTGOING ? List.of(new SendRing(id, channel, video))
                : stage == LifecycleStage.ACCEPTING && !session ? calleeSession() : List.of();
    }

    /** The session must exist before the caller's offer can come, so before the server hears our accept. */
    private List<LifecycleAction> calleeSession() {
        session = true;
        return List.of(new CreateSession(callId, Role.CALLEE, video, iceServers.get(), true), new SendAccept(callId));
    }

    /** The call could not be prepared (no ICE servers): a ring is dropped, an accepted ring declined. */
    public List<LifecycleAction> setupFailed(String id) {
        if (!isCurrent(id)) {
            return List.of();
        }
        iceServers.failed();
        if (stage == LifecycleStage.ACCEPTING) {
            return with(end(CallEnd.FAILED), new SendDecline(id));
        }
        if (stage == LifecycleStage.OUTGOING) {
            reset(); // our ring was never sent; its caller hears of the failure
        }
        return List.of(); // a ring to us: Accept asks again
    }

    /** The server took our ring {@code id} as call {@code actualId}, which differs in glare. */
    public List<LifecycleAction> ringTaken(String id, String actualId) {
        if (stage != LifecycleStage.OUTGOING || !id.equals(callId)) {
            return List.of(new SendHangup(actualId)); // hung up before the server took it
        }
        ringTaken = true;
        session = true;
        if (!actualId.equals(id)) {
            // Glare: the server joined our ring into the far side's ring to us. They offer, we answer.
            callId = actualId;
            stage = LifecycleStage.ACTIVE;
            return List.of(new CreateSession(actualId, Role.CALLEE, video, iceServers.get(), true));
        }
        if (accepted) {
            stage = LifecycleStage.ACTIVE;
        }
        return List.of(new CreateSession(id, Role.CALLER, video, iceServers.get(), accepted));
    }

    public List<LifecycleAction> ringFailed(String id) {
        if (stage == LifecycleStage.OUTGOING && id.equals(callId)) {
            reset(); // nothing was rung; the ring's caller hears why
        }
        return List.of();
    }

    public List<LifecycleAction> acceptTaken(String id) {
        if (stage == LifecycleStage.ACCEPTING && id.equals(callId)) {
            stage = LifecycleStage.ACTIVE;
        }
        return List.of();
    }

    public List<LifecycleAction> acceptFailed(String id) {
        return stage == LifecycleStage.ACCEPTING && id.equals(callId) ? end(CallEnd.FAILED) : List.of();
    }

    /** The session of call {@code id} cannot be set up (it reported why): the call ends for both sides. */
    public List<LifecycleAction> sessionFailed(String id) {
        return isCurrent(id) && session ? with(end(CallEnd.FAILED), new SendHangup(id)) : List.of();
    }

    // ---- the server's events ----

    public List<LifecycleAction> callIncoming(IncomingCall call) {
        if (stage != LifecycleStage.IDLE) {
            return List.of(); // the server refuses rings to busy users; this is a duplicate or a glare
        }
        stage = LifecycleStage.INCOMING;
        callId = call.callId();
        channel = call.channel();
        video = call.video();
        return List.of(new NotifyIncoming(call), iceServers.ask(callId));
    }

    public List<LifecycleAction> callAccepted(String id) {
        if (!isCurrent(id)) {
            return List.of(); // glare is settled by the ring's reply, which names the joined call
        }
        if (stage == LifecycleStage.INCOMING) {
            return end(CallEnd.ANSWERED_ELSEWHERE);
        }
        if (stage == LifecycleStage.OUTGOING) {
            accepted = true;
            if (ringTaken) {
                stage = LifecycleStage.ACTIVE;
                return List.of(new AcceptSession(id));
            }
        }
        return List.of();
    }

    public List<LifecycleAction> callDeclined(String id) {
        return endIfCurrent(id, stage == LifecycleStage.INCOMING ? CallEnd.ANSWERED_ELSEWHERE : CallEnd.DECLINED);
    }

    public List<LifecycleAction> callCancelled(String id) {
        return endIfCurrent(id, CallEnd.CANCELLED);
    }

    public List<LifecycleAction> callEnded(String id, CallEnd how) {
        return endIfCurrent(id, how);
    }

    /** The other member of a channel dropped or regained its connection. */
    public List<LifecycleAction> presence(String inChannel, boolean online) {
        return signedIn && session && inChannel.equals(channel)
                ? List.of(new FarSideConnected(callId, online)) : List.of();
    }

    public List<LifecycleAction> connectionLost() {
        signedIn = false;
        return List.of();
    }

    /**
     * Signed in; after a reconnect ({@code resumed}) the server names the call it kept: a ring to us it lost was
     * cancelled; our kept call resends what may be lost, one not kept is over; a kept call we ended while away is
     * hung up now; a ring to us whose event went to the lost connection is shown now.
     */
    public List<LifecycleAction> signedIn(boolean resumed, CallInfo kept) {
        signedIn = true;
        if (!resumed) {
            return List.of();
        }
        boolean keptOurs = kept != null && kept.callId().equals(callId);
        return switch (stage) {
            case IDLE -> kept == null ? List.of()
                    : kept.state() == CallState.ACTIVE ? List.of(new SendHangup(kept.callId()))
                    : Boolean.FALSE.equals(kept.caller()) ? callIncoming(IncomingCall.ringing(kept)) : List.of();
            case INCOMING -> keptOurs ? List.of() : end(CallEnd.CANCELLED);
            case OUTGOING -> !ringTaken ? List.of() // the ring's own reply decides
                    : keptOurs ? List.of(new ResumeSession(callId, farSideOnline(kept))) : end(CallEnd.DISCONNECTED);
            case ACCEPTING -> keptOurs ? List.of() : end(CallEnd.DISCONNECTED); // the accept's reply decides
            case ACTIVE -> keptOurs ? List.of(new ResumeSession(callId, farSideOnline(kept)))
                    : end(CallEnd.DISCONNECTED);
        };
    }

    /** The server no longer knows our session: it ended our call. */
    public List<LifecycleAction> signedOut() {
        return stage == LifecycleStage.IDLE ? List.of() : end(CallEnd.DISCONNECTED);
    }

    // ---- observation ----

    public LifecycleStage stage() {
        return stage;
    }

    /** Whether {@code id}'s session exists, so relayed offers, answers and candidates go to it. */
    public boolean hasSession(String id) {
        return session && id.equals(callId);
    }

    public String callId() {
        return callId;
    }

    // ---- internals ----

    private boolean isCurrent(String id) {
        return stage != LifecycleStage.IDLE && id.equals(callId);
    }

    private List<LifecycleAction> endIfCurrent(String id, CallEnd how) {
        return isCurrent(id) ? end(how) : List.of();
    }

    private List<LifecycleAction> end(CallEnd how) {
        List<LifecycleAction> actions = new ArrayList<>();
        if (session) {
            actions.add(new EndSession(callId));
        }
        actions.add(new NotifyEnded(callId, how));
        reset();
        return actions;
    }

    private void reset() {
        stage = LifecycleStage.IDLE;
        callId = null;
        channel = null;
        video = false;
        iceServers.forget();
        ringTaken = false;
        accepted = false;
        session = false;
    }

    private static List<LifecycleAction> with(List<LifecycleAction> actions, LifecycleAction last) {
        List<LifecycleAction> all = new ArrayList<>(actions);
        all.add(last);
        return all;
    }

    private static List<LifecycleAction> refuse(String reason) {
        return List.of(new Refuse(reason));
    }

    private static boolean farSideOnline(CallInfo kept) {
        return !Boolean.FALSE.equals(kept.peerOnline()); // absent from older servers
    }
}
