package app.duet.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long sessions live: {@code ttl} from login, renewed to {@code ttl} from now when the session is
 * used in the last third of its life, but never past {@code maxAge} after the login. A device in daily
 * use stays logged in until the maximum; one left alone expires after {@code ttl}.
 */
public record SessionLifetime(Duration ttl, Duration maxAge) {
    public SessionLifetime {
        if (ttl.isNegative() || ttl.isZero() || maxAge.compareTo(ttl) < 0) {
            throw new IllegalArgumentException("the session lifetime must be positive and at most the maximum age");
        }
    }

    Instant firstExpiry(Instant now) {
        return now.plus(ttl);
    }

    /** @return the new expiry if a session created at {@code createdAt} and used {@code now} is renewed */
    Optional<Instant> renewal(Instant createdAt, Instant expiresAt, Instant now) {
        if (Duration.between(now, expiresAt).compareTo(ttl.dividedBy(3)) >= 0) {
            return Optional.empty();
        }
        Instant cap = createdAt.plus(maxAge);
        Instant renewed = now.plus(ttl).isAfter(cap) ? cap : now.plus(ttl);
        return renewed.isAfter(expiresAt) ? Optional.of(renewed) : Optional.empty();
    }
}
