package app.duet.server.cluster;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages nodes send each other over pub/sub, and their delivery to this node's connections. One
 * line per field: a kind letter, then the user or session, then the frame (encoded JSON has no raw line
 * break; usernames and session ids have none either).
 */
final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final String TO_USER = "U";
    private static final String TO_SESSION = "S";
    private static final String REVOKED = "R";
    private static final String CHANNEL_CHANGED = "C";

    private final LocalConnections local;
    /** Told the name of a channel another node changed; set once the channel registry exists. */
    private volatile Consumer<String> channelChanged = name -> { };

    Inbox(LocalConnections local) {
        this.local = local;
    }

    void onChannelChanged(Consumer<String> handler) {
        channelChanged = handler;
    }

    static String toUser(String username, String frame) {
        return TO_USER + "\n" + username + "\n" + frame;
    }

    static String toSession(String sessionId, String frame) {
        return TO_SESSION + "\n" + sessionId + "\n" + frame;
    }

    static String channelChanged(String channel) {
        return CHANNEL_CHANGED + "\n" + channel;
    }

    static String revocation(Collection<String> sessionIds) {
        return REVOKED + "\n" + String.join("\n", sessionIds);
    }

    /** Runs on Lettuce's event loop, in the order Redis published: sends only queue, so it does not block. */
    void received(String message) {
        String[] parts = message.split("\n", 3);
        switch (parts[0]) {
            case TO_USER -> local.frameToUser(parts[1], parts[2]);
            case TO_SESSION -> local.frameToSession(parts[1], parts[2]);
            case REVOKED -> {
                List<String> lines = List.of(message.split("\n"));
                local.closeRevoked(lines.subList(1, lines.size()));
            }
            case CHANNEL_CHANGED -> channelChanged.accept(parts[1]);
            default -> log.warn("unknown message kind '{}' from another node; is every node the same version?", parts[0]);
        }
    }
}
