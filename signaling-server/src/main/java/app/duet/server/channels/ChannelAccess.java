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
import app.duet.server.store.ChannelInvites;
import app.duet.server.store.PendingJoins;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.Refusal;
import app.duet.server.store.PrivateChannels;
import app.duet.server.store.PrivateChannels.Loaded;
import app.duet.server.store.PrivateChannels.RemovedMember;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who gets into a channel: channels are private, so a non-member joins with the owner's invite or by the
 * owner's approval of a join request; the owner makes, lists and revokes invites, removes the other member
 * and locks the channel (docs/decisions/0013-private-channels.md). Membership, removals and locks are decided
 * under the {@link ChannelRegistry}'s lock, so a join and a removal or a lock can never cross; invites and join
 * requests live in the database, shared by every node, and are read and written outside that lock (the rules
 * are in {@link InviteBook} and {@link JoinRequests}).
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
    private final JoinRequests joinRequests;

    /** {@code workers} run the invite and join request store work. */
    public ChannelAccess(ChannelRegistry registry, PrivateChannels store, ChannelInvites invites, PendingJoins pending,
            Executor workers, Secrets secrets, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.invites = new InviteBook(invites, workers, secrets, clock);
        this.joinRequests = new JoinRequests(pending, workers, clock);
    }

    /** Reads removed members and locks; call once after {@link ChannelRegistry#load()}. */
    public void load() {
        Loaded loaded = store.loadAll();
        registry.decide((channels, calls, out) -> {
            for (RemovedMember removed : loaded.removed()) {
                channels.existingLocked(removed.channel()).removed.add(removed.username());
            }
            loaded.locked().forEach(name -> channels.existingLocked(name).locked = true);
            return null;
        });
        log.info("loaded {} removed members and {} locked channels", loaded.removed().size(), loaded.locked().size());
    }

    /** A name for a new channel nobody can guess, so nobody can squat on it or ask to join it unasked. */
    public String unguessableName() {
        return "c-" + secrets.newLowerCase(UNGUESSABLE_NAME_LENGTH);
    }

    /**
     * A member's join is a no-op; anyone else needs a usable {@code invite} (null: none), checked after the
     * channel's own refusals (full, locked, removed), so a refused join uses nothing. A join that does not happen
     * after the invite was used (cannot be stored, or the channel changed meanwhile) gives the use back: a retry
     * must not find it used up.
     */
    public CompletableFuture<ChannelInfo> join(Actor actor, String name, String invite) {
        boolean member = registry.decide((channels, calls, out) -> {
            Channel channel = channels.existingLocked(name);
            if (channel.hasMember(actor.username())) {
                return true;
            }
            requireRoomLocked(channel);
            admitLocked(channel, actor.username());
            return false;
        });
        if (member) {
            return registry.join(actor, name, (channel, out) -> { });
        }
        return invites.use(name, invite).thenCompose(inviteId -> {
            boolean[] admitted = new boolean[1];
            return registry.join(actor, name, (channel, out) -> {
                admitLocked(channel, actor.username());
                admitted[0] = true;
            }).whenComplete((info, failed) -> {
                if (failed != null || !admitted[0]) {
                    invites.giveBack(inviteId).whenComplete((x, e) -> logIfFailed("give an invite use back", e));
                }
            });
        }).thenCompose(info -> joinRequests.drop(name, actor.username()).handle((x, failed) -> {
            logIfFailed("drop the join request answered by an invite", failed);
            return info;
        }));
    }

    public CompletableFuture<Result.InviteCreated> createInvite(Actor actor, String channel, Integer maxUses,
            Long expiresInSeconds) {
        requireOwner(actor, channel);
        return invites.create(channel, maxUses, expiresInSeconds)
                .thenApply(created -> new Result.InviteCreated(created.info(), created.token()));
    }

    public CompletableFuture<List<InviteInfo>> invites(Actor actor, String channel) {
        requireOwner(actor, channel);
        return invites.list(channel);
    }

    public CompletableFuture<Void> revokeInvite(Actor actor, String channel, String inviteId) {
        requireOwner(actor, channel);
        return invites.revoke(channel, inviteId);
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

    /** A non-member asks to join; the owner gets {@code join_requested} once, however often they ask. */
    public CompletableFuture<Void> requestJoin(Actor actor, String channelName) {
        registry.decide((channels, calls, out) -> {
            Channel channel = channels.existingLocked(channelName);
            if (channel.hasMember(actor.username())) {
                throw new ServiceException(ErrorCode.WRONG_STATE, "You are a member of '" + channelName + "' already.");
            }
            channel.requireUnlocked();
            requireRoomLocked(channel);
            return null;
        });
        return joinRequests.add(channelName, actor.username()).thenAccept(added -> {
            if (added) {
                UserInfo asker = new UserInfo(actor.username(), actor.displayName());
                registry.decide((channels, calls, out) -> {
                    Channel channel = channels.findLocked(channelName);
                    if (channel != null) { // deleted meanwhile
                        out.toUser(channel.owner, new Event.JoinRequested(channelName, asker));
                    }
                    return null;
                });
            }
        });
    }

    public CompletableFuture<List<UserInfo>> joinRequests(Actor actor, String channel) {
        requireOwner(actor, channel);
        return joinRequests.list(channel);
    }

    /**
     * The owner's answer, taken once however many answer at the same time: approved, the asker becomes a member
     * (a removed member included: the owner chose so) and both are told; denied, the asker is told. Completes
     * once stored.
     */
    public CompletableFuture<Void> answerJoin(Actor actor, String channelName, String username, boolean approve) {
        registry.decide((channels, calls, out) -> {
            Channel channel = ownedLocked(channels, actor, channelName);
            if (approve && channel.locked) {
                throw new ServiceException(ErrorCode.CHANNEL_LOCKED, "'" + channelName + "' is locked; unlock it first.");
            }
            return null;
        });
        CompletableFuture<UserInfo> taken = joinRequests.take(channelName, username);
        if (!approve) {
            return taken.thenAccept(asker -> registry.decide((channels, calls, out) -> {
                out.toUser(username, new Event.JoinAnswered(channelName, false));
                return null;
            }));
        }
        return taken.thenCompose(asker -> registry.join(new Actor(username, asker.displayName(), null, null), channelName,
                (channel, out) -> {
                    requireOwner(channel, actor);
                    channel.requireUnlocked();
                    out.toUser(username, new Event.JoinAnswered(channelName, true));
                    if (channel.removed.remove(username)) {
                        registry.storeWriter().submit("removal lifted", () -> store.clearRemoved(channelName, username));
                    }
                })).thenApply(info -> null);
    }

    private static void requireRoomLocked(Channel channel) {
        if (channel.members.size() >= ChannelRegistry.MAX_MEMBERS) {
            throw ChannelRefusals.of(Refusal.FULL, channel.name);
        }
    }

    /** Refuses a non-member the channel's own way: locked, or removed by its owner. */
    private static void admitLocked(Channel channel, String username) {
        channel.requireUnlocked();
        if (channel.removed.contains(username)) {
            throw new ServiceException(ErrorCode.REMOVED_FROM_CHANNEL, "The owner removed you from '" + channel.name
                    + "'; an invite does not bring you back, but you can ask to join.");
        }
    }

    private void requireOwner(Actor actor, String channel) {
        registry.decide((channels, calls, out) -> ownedLocked(channels, actor, channel));
    }

    private static void logIfFailed(String what, Throwable failure) {
        if (failure != null) {
            log.error("could not {}", what, failure);
        }
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
