package app.duet.server.channels;

import app.duet.protocol.InviteInfo;
import java.time.Instant;

/** A channel invite's live state; the token exists only as its hash. Guarded by the registry lock. */
final class Invite {
    final String id;
    final String tokenHash;
    final int maxUses;
    final Instant createdAt;
    final Instant expiresAt;
    int uses;
    boolean revoked;

    Invite(String id, String tokenHash, int maxUses, int uses, Instant createdAt, Instant expiresAt, boolean revoked) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.maxUses = maxUses;
        this.uses = uses;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.revoked = revoked;
    }

    boolean usable(Instant now) {
        return !revoked && uses < maxUses && now.isBefore(expiresAt);
    }

    InviteInfo info(String channel) {
        return new InviteInfo(id, channel, maxUses, uses, createdAt.toEpochMilli(), expiresAt.toEpochMilli());
    }
}
