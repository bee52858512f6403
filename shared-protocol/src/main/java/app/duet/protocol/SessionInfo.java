package app.duet.protocol;

import app.duet.protocol.Field.MaxLength;

/** A session token and when it expires (milliseconds since the Unix epoch). Keep the token secret. */
public record SessionInfo(@MaxLength(Protocol.MAX_TOKEN_LENGTH) String token, Long expiresAt) {
    @Override
    public String toString() {
        return "SessionInfo[token=<hidden>, expiresAt=" + expiresAt + "]";
    }
}
