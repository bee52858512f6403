package app.duet.client.call;

import java.util.List;

import app.duet.client.call.model.IceServerConfig;
import app.duet.client.call.negotiation.Role;

/** What the {@link CallLifecycle} asks the engine to do; the engine performs these in order. */
public sealed interface LifecycleAction {

    /** Fetch the ICE servers for this call; report with {@code iceServersReady} or {@code setupFailed}. */
    record FetchIceServers(String callId) implements LifecycleAction { }

    /** Send {@code call_ring} with our own id; report with {@code ringTaken} or {@code ringFailed}. */
    record SendRing(String callId, String channel, boolean video) implements LifecycleAction { }

    /**
     * Build the call's session (peer connection and local media), ringing; {@code accepted} also starts its
     * negotiation at once.
     */
    record CreateSession(String callId, Role role, boolean video, List<IceServerConfig> iceServers,
                         boolean accepted) implements LifecycleAction { }

    /** The far side accepted our ring: the session starts negotiating. */
    record AcceptSession(String callId) implements LifecycleAction { }

    /** Tear the session down (its own thread releases the native objects in order). */
    record EndSession(String callId) implements LifecycleAction { }

    /** Our signaling connection came back with this call kept: the session resends what may have been lost. */
    record ResumeSession(String callId, boolean farSideConnected) implements LifecycleAction { }

    /** The far side lost, or got back, its signaling connection. */
    record FarSideConnected(String callId, boolean connected) implements LifecycleAction { }

    /** Send {@code call_accept}; report with {@code acceptTaken} or {@code acceptFailed}. */
    record SendAccept(String callId) implements LifecycleAction { }

    record SendDecline(String callId) implements LifecycleAction { }

    record SendCancel(String callId) implements LifecycleAction { }

    record SendHangup(String callId) implements LifecycleAction { }

    /** Tell the user someone rings. */
    record NotifyIncoming(IncomingCall call) implements LifecycleAction { }

    /** Tell the user the call or ring is over. */
    record NotifyEnded(String callId, CallEnd how) implements LifecycleAction { }

    /** The command cannot be done now; the sentence says why. */
    record Refuse(String reason) implements LifecycleAction { }
}
