package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.Protocol;
import app.duet.server.ServiceException;
import app.duet.server.auth.Secrets;
import app.duet.server.store.ChannelInvites;
import app.duet.server.store.ChannelInvites.StoredInvite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The rules of channel invites: who may come in with which token. The invites live in the database, not in a
 * node's memory, so every node sharing it agrees on them; each method does its store work on the workers
 * (never under the registry lock) and says with a code why an invite does not work. The caller has checked
 * that the actor owns the channel, or may join it.
 */
final class InviteBook {
    /** Invites that can still be used, per channel: enough for a person, not for a flood. */
    static final int MAX_LIVE_INVITES = 20;
    /** Invites kept per channel, spent ones included, so a late joiner learns why theirs fails. */
    static final int MAX_KEPT_INVITES = 50;
    static final long MIN_INVITE_SECONDS = 60;

    /** A new invite: its token is handed out once and never stored. */
    record Created(InviteInfo info, String token) {
    }

    private final ChannelInvites store;
    private final Executor workers;
    private final Secrets secrets;
    private final Clock clock;

    InviteBook(ChannelInvites store, Executor workers, Secrets secrets, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Checks the fields at once; completes once the invite is stored, or with LIMIT_REACHED. */
    CompletableFuture<Created> create(String channel, Integer maxUses, Long expiresInSeconds) {
        int uses = maxUses == null ? 1 : maxUses;
        if (uses < 1 || uses > Protocol.MAX_INVITE_USES) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "maxUses must be 1 to " + Protocol.MAX_INVITE_USES + ".");
        }
        long seconds = expiresInSeconds == null ? Protocol.DEFAULT_INVITE_SECONDS : expiresInSeconds;
        if (seconds < MIN_INVITE_SECONDS || seconds > Protocol.MAX_INVITE_SECONDS) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "expiresInSeconds must be " + MIN_INVITE_SECONDS
                    + " to " + Protocol.MAX_INVITE_SECONDS + " (30 days).");
        }
        String token = secrets.newToken();
        Instant now = clock.instant();
        StoredInvite invite = new StoredInvite("i-" + secrets.newLowerCase(16), channel, Secrets.sha256Hex(token), uses,
                0, now, now.plusSeconds(seconds), false);
        return CompletableFuture.supplyAsync(() -> {
            if (!store.add(invite, MAX_LIVE_INVITES, MAX_KEPT_INVITES, now)) {
                throw new ServiceException(ErrorCode.LIMIT_REACHED, "'" + channel + "' has " + MAX_LIVE_INVITES
                        + " invites that still work; revoke one first.");
            }
            return new Created(info(invite), token);
        }, workers);
    }

    /** The invites that can still be used, newest first. */
    CompletableFuture<List<InviteInfo>> list(String channel) {
        return CompletableFuture.supplyAsync(() -> store.usable(channel, clock.instant()).stream()
                .map(InviteBook::info).toList(), workers);
    }

    CompletableFuture<Void> revoke(String channel, String inviteId) {
        Instant now = clock.instant();
        return CompletableFuture.runAsync(() -> {
            if (!store.revoke(channel, inviteId, now)) {
                throw new ServiceException(ErrorCode.INVITE_INVALID, "'" + channel + "' has no invite " + inviteId + ".");
            }
        }, workers);
    }

    /**
     * Takes one use of the channel's invite with {@code token} and completes with the invite's id, or says with
     * a code why not: no token, or an invite that is unknown, revoked, expired or used up.
     */
    CompletableFuture<String> use(String channel, String token) {
        if (token == null) {
            throw new ServiceException(ErrorCode.CHANNEL_INVITE_REQUIRED, "'" + channel
                    + "' is private: ask its owner for an invite link, or ask to join.");
        }
        // Looked up by its hash, as registration invites are: the timing can tell about a hash, never the token.
        String hash = Secrets.sha256Hex(token);
        Instant now = clock.instant();
        return CompletableFuture.supplyAsync(() -> {
            ChannelInvites.Use use = store.use(channel, hash, now);
            return switch (use.outcome()) {
                case USED -> use.inviteId();
                case UNKNOWN -> throw new ServiceException(ErrorCode.INVITE_INVALID,
                        "This is not an invite to '" + channel + "'.");
                case REVOKED -> throw new ServiceException(ErrorCode.INVITE_REVOKED,
                        "The owner revoked this invite; ask for a new one.");
                case EXPIRED -> throw new ServiceException(ErrorCode.INVITE_EXPIRED,
                        "This invite has expired; ask for a new one.");
                case USED_UP -> throw new ServiceException(ErrorCode.INVITE_USED_UP,
                        "This invite was used up; ask for a new one.");
            };
        }, workers);
    }

    /** The join that used the invite could not be stored, so it did not happen: the use is given back. */
    CompletableFuture<Void> giveBack(String inviteId) {
        return CompletableFuture.runAsync(() -> store.giveBack(inviteId), workers);
    }

    private static InviteInfo info(StoredInvite i) {
        return new InviteInfo(i.id(), i.channel(), i.maxUses(), i.uses(), i.createdAt().toEpochMilli(),
                i.expiresAt().toEpochMilli());
    }
}
