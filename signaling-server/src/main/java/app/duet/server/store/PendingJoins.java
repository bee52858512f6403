package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Requests to join a private channel that wait for its owner's answer (docs/decisions/0013-private-channels.md),
 * shared by every node on the database and kept over a restart. An account's or channel's deletion takes its
 * requests with it.
 */
public interface PendingJoins {
    /** Who waits, with their display name as it is now. */
    record Asker(String username, String displayName) {
    }

    /** What {@link #add} did. */
    enum Added { ADDED, ALREADY_WAITING, FULL }

    /** Adds the request unless the user waits already or the channel has {@code maxPending} waiting. */
    Added add(String channel, String username, Instant at, int maxPending);

    /** Oldest first. */
    List<Asker> list(String channel);

    /** Takes the request out and says who asked; empty if there was none, so of two answers only one finds it. */
    Optional<Asker> take(String channel, String username);
}
