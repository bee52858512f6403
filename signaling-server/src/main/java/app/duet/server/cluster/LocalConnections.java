package app.duet.server.cluster;

import app.duet.server.channels.Relay;
import java.util.Collection;
import java.util.Set;

/** What the cluster relay needs of this node's own connections (transport's connection registry). */
public interface LocalConnections extends Relay {
    /** An encoded event frame to every connection of the user on this node. */
    void frameToUser(String username, String frame);

    /** Users with a connection on this node now. */
    Set<String> users();

    /** Sessions with a connection on this node now. */
    Set<String> sessions();

    /** Closes this node's connections of these sessions (revoked on another node). */
    void closeRevoked(Collection<String> sessionIds);

    /** Told when a session gains a connection or loses its last one on this node. */
    interface Listener {
        Listener NONE = new Listener() {
            @Override
            public void sessionBound(String sessionId) {
            }

            @Override
            public void sessionGone(String sessionId) {
            }

            @Override
            public void revoked(Collection<String> sessionIds) {
            }
        };

        /** A connection of the session authenticated here. */
        void sessionBound(String sessionId);

        /** The session's last connection here closed or was signed out. */
        void sessionGone(String sessionId);

        /** Sessions were revoked here (logout, password change): their connections elsewhere must close. */
        void revoked(Collection<String> sessionIds);
    }
}
