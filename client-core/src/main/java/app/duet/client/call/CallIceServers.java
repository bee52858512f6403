package app.duet.client.call;

import java.util.List;

import app.duet.client.call.LifecycleAction.FetchIceServers;
import app.duet.client.call.model.IceServerConfig;

/**
 * The current call's STUN/TURN servers for {@link CallLifecycle}: asked for once — as we ring, or as a ring to
 * us arrives, so that Accept does not wait a round trip to the server — and kept until the call ends.
 */
final class CallIceServers {
    private List<IceServerConfig> servers;
    private boolean asking;

    FetchIceServers ask(String callId) {
        asking = true;
        return new FetchIceServers(callId);
    }

    void arrived(List<IceServerConfig> list) {
        servers = List.copyOf(list);
        asking = false;
    }

    /** The question failed; a later {@link #ask} may try again. */
    void failed() {
        asking = false;
    }

    boolean known() {
        return servers != null;
    }

    boolean asking() {
        return asking;
    }

    List<IceServerConfig> get() {
        return servers;
    }

    void forget() {
        servers = null;
        asking = false;
    }
}
