package app.duet.server.auth;

import java.time.Instant;

/** Who is behind an authenticated connection. {@code sessionId} is the session token's hash, safe to log. */
public record Principal(String username, String displayName, String sessionId, Instant expiresAt) {
}
