package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The admin's changes to accounts. Each runs in one transaction that also records it in
 * {@link AccountChanges}, so a running server learns of it.
 */
public interface AccountAdmin {
    /** What deleting an account did to its channels and sessions. */
    record Deletion(List<String> channelsHandedOver, List<String> channelsDeleted, int sessionsEnded) {
        public Deletion {
            channelsHandedOver = List.copyOf(channelsHandedOver);
            channelsDeleted = List.copyOf(channelsDeleted);
        }
    }

    /** Disables the account and ends its sessions; empty if there is no such account, else the sessions ended. */
    Optional<Integer> disable(String username, Instant at);

    /** @return false if there is no such account */
    boolean enable(String username, Instant at);

    /**
     * Deletes the account: a channel it owns goes to its other member, or is deleted if it has none; its
     * memberships, sessions, reset code and stored calls go with it. Empty if there is no such account.
     */
    Optional<Deletion> delete(String username, Instant at);

    /** @return false if there is no such account */
    boolean rename(String username, String displayName, Instant at);

    /** Sets the password hash and ends the account's sessions; empty if there is no such account. */
    Optional<Integer> setPasswordHash(String username, String passwordHash, Instant at);
}
