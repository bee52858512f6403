package app.duet.server.store;

import java.time.Instant;
import java.util.List;

/**
 * What keeps channels private: their invites (token hashes only), the members their owners removed, and
 * which channels are locked. Loaded once by the channel access service, every change written through.
 */
public interface PrivateChannels {
    record StoredInvite(String id, String channel, String tokenHash, int maxUses, int uses, Instant createdAt,
            Instant expiresAt, boolean revoked) {
    }

    record RemovedMember(String channel, String username) {
    }

    record Loaded(List<StoredInvite> invites, List<RemovedMember> removed, List<String> locked) {
    }

    Loaded loadAll();

    void addInvite(StoredInvite invite);

    void inviteUsed(String id);

    /** The join that used the invite could not be stored: the use is given back. */
    void inviteUseReturned(String id);

    void revokeInvite(String id, Instant at);

    void forgetInvite(String id);

    void setLocked(String channel, Instant lockedAtOrNull);

    void addRemoved(String channel, String username, Instant at);

    void clearRemoved(String channel, String username);
}
