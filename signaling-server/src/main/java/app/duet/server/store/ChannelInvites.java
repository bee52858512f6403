package app.duet.server.store;

import java.time.Instant;
import java.util.List;

/**
 * Channel invites (docs/decisions/0013-private-channels.md), token hashes only. The database is what decides
 * whether an invite works, so an invite made on one node works on every node sharing the database, and
 * after a restart. Each change is one transaction: two nodes cannot both take an invite's last use.
 */
public interface ChannelInvites {
    record StoredInvite(String id, String channel, String tokenHash, int maxUses, int uses, Instant createdAt,
            Instant expiresAt, boolean revoked) {
    }

    /** What {@link #use} did: took one use, or found no invite, or one revoked, expired or used up. */
    enum Outcome { USED, UNKNOWN, REVOKED, EXPIRED, USED_UP }

    /** {@code inviteId} is that of the invite found, null when {@link Outcome#UNKNOWN}. */
    record Use(Outcome outcome, String inviteId) {
    }

    /**
     * Stores {@code invite} unless its channel has {@code maxLive} invites that still work at {@code now}
     * (then returns false); forgets the oldest spent invites so the channel keeps fewer than {@code maxKept}.
     */
    boolean add(StoredInvite invite, int maxLive, int maxKept, Instant now);

    /** The channel's invites that still work at {@code now}, newest first. */
    List<StoredInvite> usable(String channel, Instant now);

    /** Takes one use of the channel's invite with this token hash, if it still works at {@code now}. */
    Use use(String channel, String tokenHash, Instant now);

    /** The join that used the invite could not be stored: the use is given back. */
    void giveBack(String inviteId);

    /** False if the channel has no such invite; revoking twice keeps the first time. */
    boolean revoke(String channel, String inviteId, Instant at);
}
