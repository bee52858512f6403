package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** User accounts. Usernames and e-mails are unique; e-mails are compared lower-case. */
public interface Accounts {
    /** {@code disabledAt} is when the admin disabled the account, null while it may log in. */
    record Account(String username, String displayName, String email, String passwordHash, Instant createdAt,
            Instant disabledAt) {
        public Account(String username, String displayName, String email, String passwordHash, Instant createdAt) {
            this(username, displayName, email, passwordHash, createdAt, null);
        }

        public boolean disabled() {
            return disabledAt != null;
        }

        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    enum CreateOutcome { CREATED, USERNAME_TAKEN, EMAIL_TAKEN, INVITE_INVALID }

    CreateOutcome create(Account account);

    /**
     * Creates the account and uses up one use of the registration invite whose token hashes to
     * {@code inviteTokenHash}, both or neither: INVITE_INVALID if that invite is unknown, used up, expired
     * at {@code now} or revoked.
     */
    CreateOutcome createWithInvite(Account account, String inviteTokenHash, Instant now);

    /**
     * As {@link #create}, or {@link #createWithInvite} when {@code inviteTokenHash} is not null, and in the same
     * transaction the account's first e-mail verification code ({@link EmailVerifications}): the account
     * cannot sign in until it is used.
     */
    CreateOutcome createUnverified(Account account, String inviteTokenHash, EmailVerifications.PendingCode code,
            Instant now);

    /** Every account, by username. */
    List<Account> list();

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    void updatePasswordHash(String username, String passwordHash);
}
