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
}
