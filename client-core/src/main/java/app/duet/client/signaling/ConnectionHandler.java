package app.duet.client.signaling;

import java.util.concurrent.CompletableFuture;

import app.duet.protocol.Event;

/** What the owner of the {@link Connector}'s connection contributes: the greeting, and where events go. */
interface ConnectionHandler {
    /**
     * Called when a socket opens: greet (and resume) with {@link Connector#sendNow}; complete when requests may
     * flow.
     */
    CompletableFuture<Void> handshake();

    /** Called on the callback executor. */
    void onEvent(Event event);

    /** Called on the callback executor. */
    void onState(ConnectionState state);

    /** The server closed the socket because the session was revoked ({@code why}); called before reconnecting. */
    void onSessionRevoked(SignalingListener.SignOutReason why);
}
