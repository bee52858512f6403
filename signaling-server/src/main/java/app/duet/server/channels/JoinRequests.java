package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import java.util.List;

/**
 * Asking to join a private channel without an invite, and the owner's answer. Pending requests live in
 * memory only: after a restart the asker asks again. Every method runs under the registry lock.
 */
final class JoinRequests {
    /** Pending requests per channel: a stranger's flood fills this, not the owner's screen. */
    static final int MAX_PENDING = 10;

    /** Records the request and tells the owner; asking again while one is pending changes nothing. */
    void requestLocked(Channel channel, Actor asker, Outbox out) {
        if (channel.hasMember(asker.username())) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "You are a member of '" + channel.name + "' already.");
        }
        channel.requireUnlocked();
        if (channel.members.size() >= ChannelRegistry.MAX_MEMBERS) {
            throw new ServiceException(ErrorCode.CHANNEL_FULL, "The channel '" + channel.name + "' already has two members.");
        }
        if (channel.joinRequests.containsKey(asker.username())) {
            return;
        }
        if (channel.joinRequests.size() >= MAX_PENDING) {
            throw new ServiceException(ErrorCode.LIMIT_REACHED, "'" + channel.name + "' has " + MAX_PENDING
                    + " requests waiting for its owner already; try again later.");
        }
        UserInfo user = new UserInfo(asker.username(), asker.displayName());
        channel.joinRequests.put(asker.username(), user);
        out.toUser(channel.owner, new Event.JoinRequested(channel.name, user));
    }

    List<UserInfo> listLocked(Channel channel) {
        return List.copyOf(channel.joinRequests.values());
    }

    /** The pending request of {@code username}; WRONG_STATE if there is none. */
    UserInfo pendingLocked(Channel channel, String username) {
        UserInfo user = channel.joinRequests.get(username);
        if (user == null) {
            throw new ServiceException(ErrorCode.WRONG_STATE, username + " is not waiting to join '" + channel.name + "'.");
        }
        return user;
    }

    /** The owner approved: the request is answered and the asker may join, removed before or not. */
    void approveLocked(Channel channel, String username, Outbox out) {
        pendingLocked(channel, username);
        if (channel.locked) {
            throw new ServiceException(ErrorCode.CHANNEL_LOCKED, "'" + channel.name + "' is locked; unlock it first.");
        }
        channel.joinRequests.remove(username);
        out.toUser(username, new Event.JoinAnswered(channel.name, true));
    }

    void denyLocked(Channel channel, String username, Outbox out) {
        pendingLocked(channel, username);
        channel.joinRequests.remove(username);
        out.toUser(username, new Event.JoinAnswered(channel.name, false));
    }
}
