package app.duet.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Codes that verify a new account's e-mail address (docs/decisions/0017-email-verification.md), stored hashed.
 * An account with a code waiting has not verified its address; one without (made before verification was
 * turned on, or by an admin) has. The first code is stored with the account ({@link Accounts#createUnverified}).
 */
public interface EmailVerifications {
    record PendingCode(String username, String codeHash, Instant sentAt, Instant expiresAt, int attemptsLeft) {
        @Override
        public String toString() {
            return "PendingCode[" + username + ", expiresAt=" + expiresAt + ", attemptsLeft=" + attemptsLeft + "]";
        }
    }

    enum Replaced { REPLACED, NOT_WAITING, EMAIL_TAKEN }

    Optional<PendingCode> find(String username);

    /**
     * A new code in place of the account's waiting one, and the account's address changed to {@code newEmail}
     * (null: kept), both or neither: NOT_WAITING if the account has verified meanwhile (or is gone),
     * EMAIL_TAKEN if another account has that address.
     */
    Replaced replace(PendingCode code, String newEmail);

    /** One wrong try less for the waiting code. */
    void failedAttempt(String username);

    /** The address is verified: the waiting code with this hash is taken out; false if it was not there. */
    boolean verified(String username, String codeHash);
}
