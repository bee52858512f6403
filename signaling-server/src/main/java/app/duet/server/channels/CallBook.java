package app.duet.server.channels;

import app.duet.protocol.CallState;
import java.util.List;

/**
 * Where the calls live, for the rules in {@link CallTable}: this node's maps ({@link LocalCallBook}) or, for
 * several nodes, the shared Redis ({@link SharedCallBook}). A rule that changes a call it read says so with
 * {@link #changed}, so a shared book knows what to write back. Called under the registry lock.
 */
interface CallBook {
    /** The call, or null. */
    Call byId(String id);

    /** The user's call, ringing or active, or null: a user is in at most one call. */
    Call byUser(String username);

    /** The calls the session rings or answered (at most one, as a user is in at most one call). */
    List<Call> ofSession(String sessionId);

    List<Call> inChannel(String channel);

    void add(Call call);

    void changed(Call call);

    void remove(Call call);

    int count(CallState state);
}
