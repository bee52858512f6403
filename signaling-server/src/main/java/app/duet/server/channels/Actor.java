package app.duet.server.channels;

/** The user, session and connection a channel or call request comes from. */
public record Actor(String username, String displayName, String sessionId, String connectionId) {
}
