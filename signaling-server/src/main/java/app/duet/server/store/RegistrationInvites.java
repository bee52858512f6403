package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registration invites, which let people sign up on a server with {@code --registration invite}. Only the
 * SHA-256 of an invite's token is stored; sign-up uses one through {@link Accounts#createWithInvite}.
 */
public interface RegistrationInvites {
    enum State {
        ACTIVE, USED_UP, EXPIRED, REVOKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Invite(String id, int maxUses, int uses, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        public State state(Instant now) {
            if (revokedAt != null) {
                return State.REVOKED;
            }
            if (uses >= maxUses) {
                return State.USED_UP;
            }
            return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
        }
    }

    void create(Invite invite, String tokenHash);

    /** Every invite, newest first. */
    List<Invite> list();

    Optional<Invite> find(String id);

    /** @return false if there is no invite with that id (revoking twice keeps the first time) */
    boolean revoke(String id, Instant at);
}
