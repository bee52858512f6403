package app.duet.server.channels;

import app.duet.server.ServiceException;
import app.duet.server.channels.SharedState.Sent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Offer, answer and candidate when the calls are shared between nodes. The relay rule
 * ({@link CallTable#relayTarget}) is checked on a fresh read of the call the first time a session relays in
 * it, and remembered with the call's fields it was decided on; from then on each message is one Redis round
 * trip that sends it only if those fields are unchanged ({@link SharedState#frameToSessionIf}), and the thread
 * that decoded it does not wait for the answer. While a call is active the fields the rule reads do not
 * change, so a changed call is one that ended or was replaced: the rule is then checked again on what is
 * stored, once. Each sender's messages go out in the order they came (one thread per connection sends them).
 */
final class SharedRelay {
    /** Senders remembered per node; one forgotten is checked again on its next message (one more read). */
    private static final int REMEMBERED = 16_384;

    private record Checked(String target, Map<String, String> ruleFields) {
    }

    private final SharedState state;
    private final Map<String, Checked> checked = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
            return size() > REMEMBERED;
        }
    });

    SharedRelay(SharedState state) {
        this.state = state;
    }

    /** Completes once the frame reached a connection of the other member's session, else fails (PEER_OFFLINE). */
    CompletableFuture<Void> relay(Actor actor, String callId, String frame) {
        String sender = callId + '\n' + actor.sessionId();
        Checked known = checked.get(sender);
        if (known == null) {
            known = check(sender, CallFields.callOrNull(state.read(SharedCallBook.callKey(callId))), actor);
        }
        return send(sender, known, actor, callId, frame, true);
    }

    private CompletableFuture<Void> send(String sender, Checked known, Actor actor, String callId, String frame,
            boolean mayCheckAgain) {
        String callKey = SharedCallBook.callKey(callId);
        return state.frameToSessionIf(callKey, known.ruleFields(), known.target(), frame).thenCompose(sent -> {
            if (sent == Sent.DELIVERED) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            checked.remove(sender);
            if (sent == Sent.HASH_CHANGED && mayCheckAgain) {
                return state.readLater(callKey).thenCompose(fields ->
                        send(sender, check(sender, CallFields.callOrNull(fields), actor), actor, callId, frame, false));
            }
            return CompletableFuture.failedFuture(Relay.peerAway());
        });
    }

    /** The rule on the call as read; remembered if it lets the actor relay. */
    private Checked check(String sender, Call call, Actor actor) throws ServiceException {
        Checked known = new Checked(CallTable.relayTarget(call, actor), CallFields.relayRuleFields(call));
        checked.put(sender, known);
        return known;
    }
}
