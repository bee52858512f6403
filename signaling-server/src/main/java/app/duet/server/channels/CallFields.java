package app.duet.server.channels;

import app.duet.protocol.CallState;
import app.duet.protocol.Media;
import app.duet.server.store.Channels.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Call} as the fields of a Redis hash, and back. Absent fields stand for null. */
final class CallFields {
    private CallFields() {
    }

    static Map<String, String> of(Call call) {
        Map<String, String> f = new HashMap<>();
        f.put("id", call.id);
        f.put("channel", call.channel);
        f.put("caller", call.caller.username());
        put(f, "callerName", call.caller.displayName());
        f.put("callee", call.callee.username());
        put(f, "calleeName", call.callee.displayName());
        f.put("media", call.media.name());
        f.put("callerSession", call.callerSession);
        f.put("startedAt", Long.toString(call.startedAt.toEpochMilli()));
        f.put("state", call.state.name());
        put(f, "answeredAt", call.answeredAt == null ? null : Long.toString(call.answeredAt.toEpochMilli()));
        put(f, "calleeSession", call.calleeSession);
        put(f, "ringTimer", call.ringTimer == null ? null : call.ringTimer.member());
        put(f, "callerGrace", call.callerGrace == null ? null : call.callerGrace.member());
        put(f, "calleeGrace", call.calleeGrace == null ? null : call.calleeGrace.member());
        return f;
    }

    /** A call's fields that {@link CallTable#relayTarget} decides on. */
    static Map<String, String> relayRuleFields(Call call) {
        Map<String, String> all = of(call);
        Map<String, String> rule = new HashMap<>();
        for (String name : List.of("caller", "callerSession", "callee", "calleeSession", "state")) {
            put(rule, name, all.get(name));
        }
        return rule;
    }

    /** The call in a hash's fields, or null for an empty hash (no such call). */
    static Call callOrNull(Map<String, String> f) {
        return f.isEmpty() ? null : call(f);
    }

    static Call call(Map<String, String> f) {
        Call call = new Call(f.get("id"), f.get("channel"), new Member(f.get("caller"), f.get("callerName")),
                new Member(f.get("callee"), f.get("calleeName")), Media.valueOf(f.get("media")), f.get("callerSession"),
                Instant.ofEpochMilli(Long.parseLong(f.get("startedAt"))));
        call.state = CallState.valueOf(f.get("state"));
        call.answeredAt = f.containsKey("answeredAt") ? Instant.ofEpochMilli(Long.parseLong(f.get("answeredAt"))) : null;
        call.calleeSession = f.get("calleeSession");
        call.ringTimer = timer(f.get("ringTimer"));
        call.callerGrace = timer(f.get("callerGrace"));
        call.calleeGrace = timer(f.get("calleeGrace"));
        return call;
    }

    private static CallTimer timer(String member) {
        return member == null ? null : CallTimer.parse(member).orElse(null);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
