package app.duet.client.call.model;

/** Where a call is, as the UI shows it. */
public enum CallState {
    IDLE,
    RINGING_OUTGOING,
    RINGING_INCOMING,
    ACCEPTED,
    NEGOTIATING,
    CONNECTED,
    RECONNECTING,
    ENDED;

    public boolean isActive() {
        return this == ACCEPTED || this == NEGOTIATING || this == CONNECTED || this == RECONNECTING;
    }

    public boolean isRinging() {
        return this == RINGING_OUTGOING || this == RINGING_INCOMING;
    }

    /** The two sides have started to exchange offers and answers (and keep doing so until the end). */
    public boolean isNegotiated() {
        return this == NEGOTIATING || this == CONNECTED || this == RECONNECTING;
    }
}
