package app.duet.server.store;

import java.time.Instant;
import java.util.List;

/**
 * Calls in progress (accepted and not yet ended), so that a restarted server can give each side its call
 * back when it resumes. Ringing calls are not kept: a ring is short, and its caller simply rings again.
 * The call table writes every change through and loads them once at start.
 */
public interface ActiveCalls {
    /**
     * One side of a call: the member and the session that holds the call (a session id is the hash of the
     * session's token, never the token).
     */
    record Side(String username, String sessionId) {
    }

    /** {@code media} is the wire name of what the call started with ("audio" or "video"). */
    record StoredCall(String id, String channel, Side caller, Side callee, String media, Instant acceptedAt) {
    }

    List<StoredCall> loadAll();

    void add(StoredCall call);

    void remove(String callId);
}
