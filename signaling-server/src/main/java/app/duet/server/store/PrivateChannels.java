package app.duet.server.store;

import java.time.Instant;
import java.util.List;

/**
 * What keeps channels private besides invites ({@link ChannelInvites}) and join requests ({@link PendingJoins}):
 * the members their owners removed, and which channels are locked. Loaded once by the channel access service,
 * every change written through.
 */
public interface PrivateChannels {
    record RemovedMember(String channel, String username) {
    }

    record Loaded(List<RemovedMember> removed, List<String> locked) {
    }

    Loaded loadAll();

    void setLocked(String channel, Instant lockedAtOrNull);

    void addRemoved(String channel, String username, Instant at);

    void clearRemoved(String channel, String username);
}
