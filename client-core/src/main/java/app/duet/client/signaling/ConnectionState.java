package app.duet.client.signaling;

/** Where the signaling connection stands, as a person would describe it. */
public enum ConnectionState {
    /** First attempt to reach the server since start (or since the address changed). */
    CONNECTING,
    /** Connected, greeted and — if a session exists — resumed. Requests flow. */
    CONNECTED,
    /** Was connected and lost the connection; retrying with backoff, the session is resumed on success. */
    RECONNECTING,
    /** Never reached the server, or closed. Retrying with backoff unless closed. */
    OFFLINE,
    /**
     * The server closed a connection nobody signed in on within its time limit (close code 4002). Nothing
     * is retried until a request needs the server (logging in, signing up): an open login screen does not
     * keep redialling.
     */
    IDLE,
    /**
     * The server turned the connection away: too many connections from this address (close code 4029).
     * Retrying only after a long wait, or when asked to.
     */
    REFUSED;
    /** Whether a request (or "retry now") connects at once in this state instead of waiting for the timer. */
    public boolean connectsOnRequest() {
        return this == OFFLINE || this == REFUSED || this == IDLE;
    }
}
