package app.duet.server.channels;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import app.duet.server.auth.Secrets;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.PrivateChannels;
import app.duet.server.store.PrivateChannels.Loaded;
import app.duet.server.store.PrivateChannels.RemovedMember;
import app.duet.server.store.PrivateChannels.StoredInvite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets into a channel: channels are private, so a non-member joins with the owner's invite or by the
 * owner's approval of a join request; the owner makes, lists and revokes invites, removes the other member
 * and locks the channel (docs/decisions/0013-private-channels.md). Decides under the {@link ChannelRegistry}'s
 * lock, so a join and a removal or a lock can never cross; the rules are in {@link InviteBook} and
 * {@link JoinRequests}.
 */
public final class ChannelAccess {
    private static final Logger log = LoggerFactory.getLogger(ChannelAccess.class);
    /** "c-" and 20 random letters or digits: about 103 bits, so a default name cannot be guessed. */
    private static final int UNGUESSABLE_NAME_LENGTH = 20;

    private final ChannelRegistry registry;
    private final PrivateChannels store;
    private final Secrets secrets;
    private final Clock clock;
    private final InviteBook invites;
    private final JoinRequests joinRequests = new JoinRequests();

    public ChannelAccess(ChannelRegistry registry, PrivateChannels store, Secrets secrets, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.invites = new InviteBook(store, registry.storeWriter(), secrets, clock);
    }

    /** Reads invites, removed members and locks; call once after {@link ChannelRegistry#load()}. */
    public void load() {
        Loaded loaded = store.loadAll();
        registry.decide((channels, calls, out) -> {
            for (StoredInvite invite : loaded.invites()) {
                invites.loadLocked(channels.existingLocked(invite.channel()), invite);
            }
            for (RemovedMember removed : loaded.removed()) {
                channels.existingLocked(removed.channel()).removed.add(removed.username());
            }
            loaded.locked().forEach(name -> channels.existingLocked(name).locked = true);
            return null;
        });
        log.info("loaded {} channel invites, {} removed members, {} locked channels", loaded.invites().size(),
                loaded.removed().size(), loaded.locked().size());
    }

    /** A name for a new channel nobody can guess, so nobody can squat on it or ask to join it unasked. */
    public String unguessableName() {
        return "c-" + secrets.newLowerCase(UNGUESSABLE_NAME_LENGTH);
    }

    /**
     * A member's join is a no-op; anyone else needs a usable {@code invite} (null: none). A join that cannot be
     * stored did not happen, so its use of the invite is given back (a retry must not find it used up).
     */
    public CompletableFuture<ChannelInfo> join(Actor actor, String name, String invite) {
        Invite[] used = new Invite[1];
        return registry.join(actor, name, (channel, out) -> {
            used[0] = invites.admitLocked(channel, actor.username(), invite);
            channel.joinRequests.remove(actor.username());
        }).whenComplete((info, failed) -> {
            if (failed != null && used[0] != null) {
                registry.decide((channels, calls, out) -> {
                    invites.giveBackLocked(used[0]);
                    return null;
                });
            }
        });
    }

    public CompletableFuture<Result.InviteCreated> createInvite(Actor actor, String channel, Integer maxUses,
            Long expiresInSeconds) {
        InviteBook.Created created = registry.decide((channels, calls, out) -> {
            InviteBook.Created c = invites.createLocked(ownedLocked(channels, actor, channel), maxUses, expiresInSeconds);
            return new InviteBook.Created(c.info(), c.token(), channels.announced(channel, c.written()));
        });
        return created.written().thenApply(x -> new Result.InviteCreated(created.info(), created.token()));
    }

    public List<InviteInfo> invites(Actor actor, String channel) {
        return registry.decide((channels, calls, out) -> invites.listLocked(ownedLocked(channels, actor, channel)));
    }

    public CompletableFuture<Void> revokeInvite(Actor actor, String channel, String inviteId) {
        return registry.decide((channels, calls, out) ->
                channels.announced(channel, invites.revokeLocked(ownedLocked(channels, actor, channel), inviteId)));
    }

    /**
     * The owner removes the other member at once: their call there ends, they get {@code channel_removed}, and
     * no invite brings them back. Completes once stored.
     */
    public CompletableFuture<Void> removeMember(Actor actor, String channelName, String username) {
        Instant now = clock.instant();
        return registry.decideInTwo((channels, calls, out) -> {
            otherMemberLocked(channels, actor, channelName, username);
            calls.endInChannelLocked(channelName, EndReason.LEFT_CHANNEL, out);
            return null;
        }, (channels, calls, out) -> {
            var member = otherMemberLocked(channels, actor, channelName, username);
            Channel channel = channels.existingLocked(channelName);
            CompletableFuture<Void> left = channels.leaveLocked(
                    new Actor(username, member.displayName(), null, null), channel, out);
            channel.removed.add(username);
            out.toUser(username, new Event.ChannelRemoved(channelName));
            CompletableFuture<Void> barred = registry.storeWriter().submit("member removed",
                    () -> store.addRemoved(channelName, username, now));
            return CompletableFuture.allOf(left, channels.announced(channelName, barred));
        });
    }

    /** Locks (nobody joins, with or without an invite) or unlocks the channel; completes once stored. */
    public CompletableFuture<Void> lock(Actor actor, String channelName, boolean locked) {
        Instant at = locked ? clock.instant() : null;
        return registry.decide((channels, calls, out) -> {
            Channel channel = ownedLocked(channels, actor, channelName);
            channel.locked = locked;
            return channels.announced(channelName,
                    registry.storeWriter().submit("channel lock", () -> store.setLocked(channelName, at)));
        });
    }

    /** A non-member asks to join; the owner gets {@code join_requested}. */
    public void requestJoin(Actor actor, String channelName) {
        registry.decide((channels, calls, out) -> {
            joinRequests.requestLocked(channels.existingLocked(channelName), actor, out);
            return null;
        });
    }

    public List<UserInfo> joinRequests(Actor actor, String channel) {
        return registry.decide((channels, calls, out) -> joinRequests.listLocked(ownedLocked(channels, actor, channel)));
    }

    /**
     * The owner's answer: approved, the asker becomes a member (a removed member included: the owner chose
     * so) and both are told; denied, the asker is told. Completes once stored.
     */
    public CompletableFuture<Void> answerJoin(Actor actor, String channelName, String username, boolean approve) {
        if (!approve) {
            return registry.decide((channels, calls, out) -> {
                joinRequests.denyLocked(ownedLocked(channels, actor, channelName), username, out);
                return CompletableFuture.completedFuture(null);
            });
        }
        UserInfo asker = registry.decide((channels, calls, out) ->
                joinRequests.pendingLocked(ownedLocked(channels, actor, channelName), username));
        return registry.join(new Actor(username, asker.displayName(), null, null), channelName, (channel, out) -> {
            requireOwner(channel, actor);
            joinRequests.approveLocked(channel, username, out);
            if (channel.removed.remove(username)) {
                registry.storeWriter().submit("removal lifted", () -> store.clearRemoved(channelName, username));
            }
        }).thenApply(info -> null);
    }

    /** The member {@code username} of the actor's channel, who is not the actor. */
    private static Member otherMemberLocked(ChannelTable channels, Actor actor, String channelName, String username) {
        Channel channel = ownedLocked(channels, actor, channelName);
        if (username.equals(actor.username())) {
            throw new ServiceException(ErrorCode.WRONG_STATE, "You own '" + channelName
                    + "'; leave or delete it instead of removing yourself.");
        }
        return channel.member(username).orElseThrow(() -> new ServiceException(ErrorCode.NOT_A_MEMBER,
                username + " is not a member of '" + channelName + "'."));
    }

    private static Channel ownedLocked(ChannelTable channels, Actor actor, String name) {
        Channel channel = channels.existingLocked(name);
        requireOwner(channel, actor);
        return channel;
    }

    private static void requireOwner(Channel channel, Actor actor) {
        if (!channel.owner.equals(actor.username())) {
            throw new ServiceException(ErrorCode.NOT_OWNER, "Only the owner of '" + channel.name + "' can do that.");
        }
    }
}
