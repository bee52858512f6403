package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Login sessions, keyed by the SHA-256 of their token (the token itself is never stored). */
public interface Sessions {
    record StoredSession(String tokenHash, String username, Instant createdAt, Instant expiresAt) {
    }

    void create(StoredSession session);

    Optional<StoredSession> find(String tokenHash);

    /** Moves the session's expiry (renewal); @return whether the session still existed */
    boolean extend(String tokenHash, Instant expiresAt);

    /** @return whether a session was deleted */
    boolean delete(String tokenHash);

    /** Deletes the user's sessions except {@code keepTokenHash} (may be null); returns the deleted hashes. */
    List<String> deleteAllOf(String username, String keepTokenHash);

    /** The user's sessions, newest first, at most {@code limit} (for the account export). */
    List<StoredSession> listOf(String username, int limit);

    int deleteExpired(Instant now);
}
