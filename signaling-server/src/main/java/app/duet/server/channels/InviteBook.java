package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.Protocol;
import app.duet.server.ServiceException;
import app.duet.server.auth.Secrets;
import app.duet.server.store.PrivateChannels;
import app.duet.server.store.PrivateChannels.StoredInvite;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rules of channel invites: who may come in with which token. Every method runs under the registry lock
 * and writes its change through the {@link StoreWriter}, in the order decided.
 */
final class InviteBook {
    /** Invites that can still be used, per channel: enough for a person, not for a flood. */
    static final int MAX_LIVE_INVITES = 20;
    /** Invites kept per channel, spent ones included, so a late joiner learns why theirs fails. */
    static final int MAX_KEPT_INVITES = 50;
    static final long MIN_INVITE_SECONDS = 60;

    /** A new invite: its token is handed out once and never stored. */
    record Created(InviteInfo info, String token, CompletableFuture<Void> written) {
    }

    private final PrivateChannels store;
    private final StoreWriter writer;
    private final Secrets secrets;
    private final Clock clock;

    InviteBook(PrivateChannels store, StoreWriter writer, Secrets secrets, Clock clock) {
        this.store = store;
        this.writer = writer;
        this.secrets = secrets;
        this.clock = clock;
    }

    Created createLocked(Channel channel, Integer maxUses, Long expiresInSeconds) {
        int uses = maxUses == null ? 1 : maxUses;
        if (uses < 1 || uses > Protocol.MAX_INVITE_USES) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "maxUses must be 1 to " + Protocol.MAX_INVITE_USES + ".");
        }
        long seconds = expiresInSeconds == null ? Protocol.DEFAULT_INVITE_SECONDS : expiresInSeconds;
        if (seconds < MIN_INVITE_SECONDS || seconds > Protocol.MAX_INVITE_SECONDS) {
            throw new ServiceException(ErrorCode.INVALID_FIELD, "expiresInSeconds must be " + MIN_INVITE_SECONDS
                    + " to " + Protocol.MAX_INVITE_SECONDS + " (30 days).");
        }
        Instant now = clock.instant();
        if (channel.invites.stream().filter(i -> i.usable(now)).count() >= MAX_LIVE_INVITES) {
            throw new ServiceException(ErrorCode.LIMIT_REACHED, "'" + channel.name + "' has " + MAX_LIVE_INVITES
                    + " invites that still work; revoke one first.");
        }
        while (channel.invites.size() >= MAX_KEPT_INVITES) {
            Invite oldestSpent = channel.invites.stream().filter(i -> !i.usable(now)).findFirst().orElseThrow();
            channel.invites.remove(oldestSpent);
            writer.submit("invite forgotten", () -> store.forgetInvite(oldestSpent.id));
        }
        String token = secrets.newToken();
        Invite invite = new Invite("i-" + secrets.newLowerCase(16), Secrets.sha256Hex(token), uses, 0, now,
                now.plusSeconds(seconds), false);
        channel.invites.add(invite);
        StoredInvite stored = new StoredInvite(invite.id, channel.name, invite.tokenHash, uses, 0, now,
                invite.expiresAt, false);
        return new Created(invite.info(channel.name), token, writer.submit("invite created", () -> store.addInvite(stored)));
    }

    /** Puts back a stored invite (at start-up). */
    void loadLocked(Channel channel, StoredInvite s) {
        channel.invites.add(new Invite(s.id(), s.tokenHash(), s.maxUses(), s.uses(), s.createdAt(), s.expiresAt(),
                s.revoked()));
    }

    /** The invites that can still be used, newest first. */
    List<InviteInfo> listLocked(Channel channel) {
        Instant now = clock.instant();
        return channel.invites.stream().filter(i -> i.usable(now))
                .sorted(Comparator.comparing((Invite i) -> i.createdAt).reversed())
                .map(i -> i.info(channel.name)).toList();
    }

    CompletableFuture<Void> revokeLocked(Channel channel, String inviteId) {
        Invite invite = channel.invites.stream().filter(i -> i.id.equals(inviteId)).findFirst()
                .orElseThrow(() -> new ServiceException(ErrorCode.INVITE_INVALID,
                        "'" + channel.name + "' has no invite " + inviteId + "."));
        if (invite.revoked) {
            return CompletableFuture.completedFuture(null);
        }
        invite.revoked = true;
        Instant now = clock.instant();
        return writer.submit("invite revoked", () -> store.revokeInvite(inviteId, now));
    }

    /**
     * Lets {@code username} into {@code channel} with {@code token}, using one use of the invite, or says
     * with a code why not: locked, removed, no invite, or an invite that is unknown, revoked, expired or used up.
     * Returns the invite used.
     */
    Invite admitLocked(Channel channel, String username, String token) {
        channel.requireUnlocked();
        if (channel.removed.contains(username)) {
            throw new ServiceException(ErrorCode.REMOVED_FROM_CHANNEL, "The owner removed you from '" + channel.name
                    + "'; an invite does not bring you back, but you can ask to join.");
        }
        if (token == null) {
            throw new ServiceException(ErrorCode.CHANNEL_INVITE_REQUIRED, "'" + channel.name
                    + "' is private: ask its owner for an invite link, or ask to join.");
        }
        String hash = Secrets.sha256Hex(token);
        Invite invite = null;
        for (Invite i : channel.invites) {
            // Every hash compared in constant time: how long this takes says nothing about the token.
            if (Secrets.constantTimeEquals(i.tokenHash, hash)) {
                invite = i;
            }
        }
        Instant now = clock.instant();
        if (invite == null) {
            throw new ServiceException(ErrorCode.INVITE_INVALID, "This is not an invite to '" + channel.name + "'.");
        } else if (invite.revoked) {
            throw new ServiceException(ErrorCode.INVITE_REVOKED, "The owner revoked this invite; ask for a new one.");
        } else if (!now.isBefore(invite.expiresAt)) {
            throw new ServiceException(ErrorCode.INVITE_EXPIRED, "This invite has expired; ask for a new one.");
        } else if (invite.uses >= invite.maxUses) {
            throw new ServiceException(ErrorCode.INVITE_USED_UP, "This invite was used up; ask for a new one.");
        }
        invite.uses++;
        String id = invite.id;
        writer.submit("invite used", () -> store.inviteUsed(id));
        return invite;
    }

    /** The join that used {@code invite} could not be stored, so it did not happen: the use is given back. */
    void giveBackLocked(Invite invite) {
        invite.uses--;
        writer.submit("invite use given back", () -> store.inviteUseReturned(invite.id));
    }
}
