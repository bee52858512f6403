package app.duet.server.channels;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.Refusal;
import app.duet.server.store.Channels.StoredChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Channels and their rules: create, join, leave, delete, at most {@link ChannelRegistry#MAX_MEMBERS} members and
 * {@link ChannelRegistry#MAX_CHANNELS_OWNED} channels per owner, presence for the other member. Every method runs under the
 * {@link ChannelRegistry} lock (hence "Locked"), records events in an {@link Outbox} and submits the change
 * through {@link ChannelWrites} under the lock, so the database sees changes in the order they were decided.
 */
final class ChannelTable {
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, Set<String>> channelsByUser = new HashMap<>();
    private final ChannelWrites writes;
    private final Predicate<String> online;
    private final SharedChannels shared;

    /** {@code online}: whether a user is connected now (members' online flags); {@code shared}: null on one node. */
    ChannelTable(ChannelWrites writes, Predicate<String> online, SharedChannels shared) {
        this.writes = writes;
        this.online = online;
        this.shared = shared;
    }

    /** Puts back a stored channel (at start-up). */
    void loadLocked(StoredChannel stored) {
        loadLocked(new Channel(stored.name(), stored.owner(), stored.members()));
    }

    private void loadLocked(Channel channel) {
        channels.put(channel.name, channel);
        channel.members.forEach(m -> index(m.username(), channel.name));
    }

    /** The channel, or null if there is none of that name. */
    Channel findLocked(String name) {
        return channels.get(name);
    }

    /** Several nodes: if another node changed the channel, this node's copy is read again from the database. */
    void refreshLocked(String name) {
        if (shared == null || shared.currentLocked(name)) {
            return;
        }
        Channel old = channels.remove(name);
        if (old != null) {
            old.members.forEach(m -> unindex(m.username(), name));
        }
        Channel fresh = shared.loadLocked(name);
        if (fresh != null) {
            loadLocked(fresh);
        }
    }

    /** The channel; CHANNEL_NOT_FOUND if there is none. */
    Channel existingLocked(String name) {
        refreshLocked(name);
        Channel channel = channels.get(name);
        if (channel == null) {
            throw ChannelRefusals.of(Refusal.NO_CHANNEL, name);
        }
        return channel;
    }

    /** The channel, of which {@code actor} must be a member (NOT_A_MEMBER otherwise). */
    Channel memberChannelLocked(Actor actor, String name) {
        Channel channel = existingLocked(name);
        if (!channel.hasMember(actor.username())) {
            throw new ServiceException(ErrorCode.NOT_A_MEMBER, "You are not a member of '" + name + "'.");
        }
        return channel;
    }

    /**
     * Creates the channel with {@code actor} as its owner and only member; the future completes once stored, or
     * fails if the database refuses it (another node created it, or another of the owner's, first).
     */
    CompletableFuture<Void> createLocked(Actor actor, String name) {
        refreshLocked(name);
        if (channels.containsKey(name)) {
            throw ChannelRefusals.of(Refusal.NAME_TAKEN, name);
        }
        long owned = channels.values().stream().filter(c -> c.owner.equals(actor.username())).count();
        if (owned >= ChannelRegistry.MAX_CHANNELS_OWNED) {
            throw ChannelRefusals.of(Refusal.OWNS_TOO_MANY, name);
        }
        Channel channel = new Channel(name, actor.username(), List.of(member(actor)));
        channels.put(name, channel);
        index(actor.username(), name);
        return writes.create(name, actor.username());
    }

    /** The channel could not be stored: it is not there after all (members who joined meanwhile are out too). */
    void undoCreateLocked(Channel channel) {
        if (channels.get(channel.name) == channel) {
            channels.remove(channel.name);
            channel.members.forEach(m -> unindex(m.username(), channel.name));
        }
    }

    /**
     * Adds {@code actor} unless a member already, if {@code admission} lets them in (it throws otherwise); the
     * future completes once stored, or fails if the database refuses it (another node's change came first: a
     * join, a lock, a deletion). {@code out}'s events are for after it is stored.
     */
    CompletableFuture<Void> joinLocked(Actor actor, String name, Admission admission, Outbox out) {
        Channel channel = existingLocked(name);
        if (channel.hasMember(actor.username())) {
            return CompletableFuture.completedFuture(null);
        }
        if (channel.members.size() >= ChannelRegistry.MAX_MEMBERS) {
            throw ChannelRefusals.of(Refusal.FULL, name);
        }
        admission.admitLocked(channel, out);
        channel.members.add(member(actor));
        index(actor.username(), name);
        CompletableFuture<Void> written = writes.join(name, actor.username());
        presenceLocked(channel, member(actor), PresenceState.JOINED, out);
        return written;
    }

    /** The membership could not be stored: the member is out again (nobody was told they were in). */
    void undoJoinLocked(Actor actor, String name) {
        Channel channel = channels.get(name);
        if (channel != null && channel.members.removeIf(m -> m.username().equals(actor.username()))) {
            unindex(actor.username(), name);
        }
    }

    /**
     * Takes the member {@code actor} out of {@code channel}: the last one out deletes it, an owner who leaves
     * hands it to the other member. The store applies the same rule to the stored members (another node's
     * change may have come first: the other member left too). The future completes once stored.
     */
    CompletableFuture<Void> leaveLocked(Actor actor, Channel channel, Outbox out) {
        leftLocked(actor, channel, out);
        return writes.leave(channel.name, actor.username());
    }

    /** {@link #leaveLocked} in this node's copy only. */
    private void leftLocked(Actor actor, Channel channel, Outbox out) {
        String name = channel.name;
        channel.members.removeIf(m -> m.username().equals(actor.username()));
        unindex(actor.username(), name);
        if (channel.members.isEmpty()) {
            channels.remove(name);
        } else {
            if (channel.owner.equals(actor.username())) {
                channel.owner = channel.members.get(0).username();
            }
            presenceLocked(channel, member(actor), PresenceState.LEFT, out);
        }
    }

    /** The channel, which only its owner may delete (NOT_OWNER otherwise). */
    Channel ownedChannelLocked(Actor actor, String name) {
        Channel channel = existingLocked(name);
        if (!channel.owner.equals(actor.username())) {
            throw new ServiceException(ErrorCode.NOT_OWNER, "Only the owner can delete the channel '" + name + "'.");
        }
        return channel;
    }

    /**
     * Deletes the channel, telling its members (except the connection that asked); completes once stored. A
     * member who joined on another node just before is told once the deletion is stored.
     */
    CompletableFuture<Void> deleteLocked(Actor actor, Channel channel, Outbox out) {
        String name = channel.name;
        channels.remove(name);
        for (Member m : channel.members) {
            unindex(m.username(), name);
            out.toUserExcept(m.username(), actor.connectionId(), new Event.ChannelDeleted(name));
        }
        return writes.delete(name, List.copyOf(channel.members));
    }

    /** The names of the user's channels, as a copy. */
    List<String> namesOfLocked(String username) {
        return List.copyOf(channelsByUser.getOrDefault(username, Set.of()));
    }

    /**
     * The account was deleted (its channels were handed over or deleted in the database already): the user
     * leaves each channel as a member who leaves would, so the other member sees them go. Not {@code claimed}
     * (another node tells): in this copy only, without events, and without the write whose counter bump would
     * make the claiming node's copy, read again, lack the user before it tells.
     */
    void accountDeletedLocked(String username, boolean claimed, Outbox out) {
        for (String name : namesOfLocked(username)) {
            Channel channel = channels.get(name);
            Actor actor = new Actor(username, channel.member(username).orElseThrow().displayName(), null, null);
            if (claimed) {
                leaveLocked(actor, channel, out);
            } else {
                leftLocked(actor, channel, new Outbox());
            }
        }
    }

    /**
     * The account's display name changed: its channels show the new one, and the user and everyone who shares
     * a channel with them are told once each. Returns the names of those channels.
     */
    List<String> renamedLocked(String username, String displayName, Outbox out) {
        List<String> names = namesOfLocked(username);
        Set<String> told = new LinkedHashSet<>(List.of(username));
        for (String name : names) {
            List<Member> members = channels.get(name).members;
            members.replaceAll(m -> m.username().equals(username) ? new Member(username, displayName) : m);
            members.forEach(m -> told.add(m.username()));
        }
        Event.DisplayNameChanged event = new Event.DisplayNameChanged(new UserInfo(username, displayName));
        told.forEach(user -> out.toUser(user, event));
        return names;
    }

    List<ChannelInfo> listLocked(String username) {
        namesOfLocked(username).forEach(this::refreshLocked);
        List<ChannelInfo> result = new ArrayList<>();
        for (String name : channelsByUser.getOrDefault(username, Set.of())) {
            result.add(infoLocked(channels.get(name)));
        }
        result.sort(Comparator.comparing(ChannelInfo::name));
        return result;
    }

    /** The user came online or went offline: tell the other member of each of their channels. */
    void presenceChangedLocked(Member who, boolean isOnline, Outbox out) {
        for (String name : channelsByUser.getOrDefault(who.username(), Set.of())) {
            presenceLocked(channels.get(name), who, isOnline ? PresenceState.ONLINE : PresenceState.OFFLINE, out);
        }
    }

    int countLocked() {
        return channels.size();
    }

    ChannelInfo infoLocked(Channel channel) {
        List<MemberInfo> members = new ArrayList<>();
        channel.members.stream()
                .sorted(Comparator.comparing((Member m) -> !m.username().equals(channel.owner)))
                .forEach(m -> members.add(new MemberInfo(m.username(), m.displayName(), online.test(m.username()))));
        return new ChannelInfo(channel.name, channel.owner, members, channel.locked ? Boolean.TRUE : null);
    }

    /** Decides, under the registry lock, whether a non-member may join a channel; throws if not. */
    interface Admission {
        void admitLocked(Channel channel, Outbox out);
    }

    private void presenceLocked(Channel channel, Member who, PresenceState state, Outbox out) {
        Event event = new Event.Presence(channel.name, new UserInfo(who.username(), who.displayName()), state);
        channel.otherThan(who.username()).ifPresent(other -> out.toUser(other.username(), event));
    }

    private void index(String username, String channel) {
        channelsByUser.computeIfAbsent(username, k -> new LinkedHashSet<>()).add(channel);
    }

    private void unindex(String username, String channel) {
        Set<String> names = channelsByUser.get(username);
        if (names != null) {
            names.remove(channel);
            if (names.isEmpty()) {
                channelsByUser.remove(username);
            }
        }
    }

    /** See {@link ChannelWrites#announced}: for {@link ChannelAccess}'s changes. */
    CompletableFuture<Void> announced(String name, CompletableFuture<Void> written) {
        return writes.announced(name, written);
    }

    private static Member member(Actor actor) {
        return new Member(actor.username(), actor.displayName());
    }
}
