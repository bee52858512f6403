package app.duet.server.store;

import java.time.Instant;
import java.util.Optional;

/** User accounts. Usernames and e-mails are unique; e-mails are compared lower-case. */
public interface Accounts {
    record Account(String username, String displayName, String email, String passwordHash, Instant createdAt) {
        @Override
        public String toString() {
            return "Account[" + username + "]";
        }
    }

    enum CreateOutcome { CREATED, USERNAME_TAKEN, EMAIL_TAKEN }

    CreateOutcome create(Account account);

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    void updatePasswordHash(String username, String passwordHash);
}
