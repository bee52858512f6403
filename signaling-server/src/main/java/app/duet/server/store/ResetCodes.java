package app.duet.server.store;

import java.time.Instant;
import java.util.Optional;

/** Password reset codes, at most one per account, stored hashed. */
public interface ResetCodes {
    record StoredResetCode(String username, String codeHash, Instant expiresAt, int attemptsLeft) {
    }

    /** Replaces any earlier code of the user. */
    void put(StoredResetCode code);

    Optional<StoredResetCode> find(String username);

    void decrementAttempts(String username);

    void delete(String username);
}
