package app.duet.server.channels;

import app.duet.protocol.CallState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The calls of a lone node, in its memory; changes are made on the objects themselves. */
final class LocalCallBook implements CallBook {
    private final Map<String, Call> byId = new HashMap<>();
    private final Map<String, Call> byUser = new HashMap<>();

    @Override
    public Call byId(String id) {
        return byId.get(id);
    }

    @Override
    public Call byUser(String username) {
        return byUser.get(username);
    }

    @Override
    public List<Call> ofSession(String sessionId) {
        List<Call> calls = new ArrayList<>();
        for (Call call : byId.values()) {
            if (call.callerSession.equals(sessionId) || sessionId.equals(call.calleeSession)) {
                calls.add(call);
            }
        }
        return calls;
    }

    @Override
    public List<Call> inChannel(String channel) {
        return byId.values().stream().filter(c -> c.channel.equals(channel)).toList();
    }

    @Override
    public void add(Call call) {
        byId.put(call.id, call);
        byUser.put(call.caller.username(), call);
        byUser.put(call.callee.username(), call);
    }

    @Override
    public void changed(Call call) {
        // the maps hold the object that changed
    }

    @Override
    public void remove(Call call) {
        byId.remove(call.id);
        byUser.remove(call.caller.username(), call);
        byUser.remove(call.callee.username(), call);
    }

    @Override
    public int count(CallState state) {
        return (int) byId.values().stream().filter(c -> c.state == state).count();
    }
}
