package app.duet.client.signaling;

import java.net.URI;
import java.util.Optional;

import app.duet.protocol.UserInfo;

/**
 * The connection to one signaling server as the app's shell sees it: which server, whether it is
 * reachable, who is signed in on it, and the switch to another server. Changes are reported to the
 * {@link SignalingListener}s.
 */
public interface ServerConnection extends SignalingEventSource {

    ConnectionState state();

    URI serverUri();

    /** The signed-in user, once known. */
    Optional<UserInfo> user();

    /** Connects to another server; the session belongs to the old one, so it is dropped. */
    void changeServer(URI uri);
}
