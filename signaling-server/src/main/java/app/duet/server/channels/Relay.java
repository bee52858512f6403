package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.server.ServiceException;

/**
 * Delivers events to users and sessions, and says who is connected. The in-process implementation
 * holds this node's WebSocket connections; a multi-node deployment would put one over Redis pub/sub.
 * Implementations must not block: they are called right after the registry's lock is released.
 */
public interface Relay {
    /** To every connection of the user, except the one with id {@code exceptConnectionId} (may be null). */
    void toUser(String username, Event event, String exceptConnectionId);

    /** To the connections of one session; false if it has none (its owner is away). */
    boolean toSession(String sessionId, Event event);

    /** An event frame already encoded (a relayed offer, answer or candidate), as {@link #toSession}. */
    boolean frameToSession(String sessionId, String frame);

    boolean isOnline(String username);

    /** The answer to a relayed offer, answer or candidate that no connection of the other member's session got. */
    static ServiceException peerAway() {
        return new ServiceException(ErrorCode.PEER_OFFLINE, "The other side is reconnecting; send this again later.");
    }

    /**
     * The user's first connection on this node authenticated: true if they had none anywhere before (they
     * came online). On one node, whether that connection is still there.
     */
    default boolean cameOnline(String username) {
        return isOnline(username);
    }

    /** The user's last connection on this node went: true if they have none left anywhere (they went offline). */
    default boolean wentOffline(String username) {
        return !isOnline(username);
    }
}
