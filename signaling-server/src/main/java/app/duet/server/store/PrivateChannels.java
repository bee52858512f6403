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

    /** One channel's removed members and whether it is locked (several nodes: another node changed it). */
    Loaded load(String channel);

    void setLocked(String channel, Instant lockedAtOrNull);

    /** Bars the user from the channel; nothing if the channel is gone (deleted on another node meanwhile). */
    void addRemoved(String channel, String username, Instant at);

    void clearRemoved(String channel, String username);
}
