package app.duet.server.channels;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;
import app.duet.server.ServiceException;
import app.duet.server.store.ActiveCalls;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.Channels;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of channels and calls. One lock guards both; methods decide under it, record events in
 * an {@link Outbox} and deliver them after releasing it. Channel changes and active calls are written
 * through to the stores by a {@link StoreWriter} (submitted under the lock, so the database sees them in
 * order) and read back by {@link #load()}.
 */
public final class ChannelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);
    public static final int MAX_MEMBERS = 2;
    public static final int MAX_CHANNELS_OWNED = 100;

    private final Object lock = new Object();
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, Set<String>> channelsByUser = new HashMap<>();
    private final CallTable calls;
    private final Channels store;
    private final ActiveCallLog activeCalls;
    private final StoreWriter storeWriter;
    private final Relay relay;
    private final Clock clock;

    /** {@code storeWriter} must run tasks one at a time, in order. */
    public ChannelRegistry(Channels store, ActiveCalls activeCalls, Executor storeWriter, Relay relay,
            ScheduledExecutorService timers, Clock clock, CallTimeouts timeouts) {
        this.store = store;
        this.storeWriter = new StoreWriter(storeWriter);
        this.activeCalls = new ActiveCallLog(activeCalls, this.storeWriter, clock);
        this.relay = relay;
        this.clock = clock;
        CallTable.Scheduler scheduler = (delay, action) ->
                timers.schedule(() -> runTimer(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        this.calls = new CallTable(scheduler, timeouts, () -> UUID.randomUUID().toString(), this.activeCalls);
    }

    /**
     * Reads the stored channels and the calls that were active when the server stopped; call once before
     * serving. Restored calls wait for both sides to resume (see {@link CallTimeouts#graceAfterRestart}).
     */
    public void load() {
        List<StoredChannel> stored = store.loadAll();
        List<StoredCall> storedCalls = activeCalls.loadAll();
        int restored = 0;
        synchronized (lock) {
            for (StoredChannel s : stored) {
                Channel channel = new Channel(s.name(), s.owner(), s.members());
                channels.put(channel.name, channel);
                channel.members.forEach(m -> index(m.username(), channel.name));
            }
            for (StoredCall call : storedCalls) {
                restored += calls.restoreLocked(call, channels.get(call.channel())) ? 1 : 0;
            }
        }
        log.info("loaded {} channels and {} calls in progress ({} stored calls dropped: channel or member gone)",
                stored.size(), restored, storedCalls.size() - restored);
    }

    /** Completes once the channel is stored; if that fails, the channel is taken back. */
    public CompletableFuture<ChannelInfo> create(Actor actor, String name) {
        CompletableFuture<Void> written;
        ChannelInfo info;
        Channel channel;
        synchronized (lock) {
            if (channels.containsKey(name)) {
                throw new ServiceException(ErrorCode.CHANNEL_EXISTS, "A channel named '" + name + "' exists already.");
            }
            long owned = channels.values().stream().filter(c -> c.owner.equals(actor.username())).count();
            if (owned >= MAX_CHANNELS_OWNED) {
                throw new ServiceException(ErrorCode.LIMIT_REACHED,
                        "You own " + MAX_CHANNELS_OWNED + " channels already; delete one first.");
            }
            channel = new Channel(name, actor.username(), List.of(member(actor)));
            channels.put(name, channel);
            index(actor.username(), name);
            written = persist(() -> store.create(name, actor.username(), clock.instant()));
            info = infoLocked(channel);
        }
        return written.whenComplete((x, failed) -> {
            if (failed != null) {
                undoCreate(channel);
            }
        }).thenApply(x -> info);
    }

    /** Completes once the membership is stored; if that fails, the member is taken out again. */
    public CompletableFuture<ChannelInfo> join(Actor actor, String name) {
        Outbox out = new Outbox();
        CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
        ChannelInfo info;
        synchronized (lock) {
            Channel channel = existing(name);
            if (!channel.hasMember(actor.username())) {
                if (channel.members.size() >= MAX_MEMBERS) {
                    throw new ServiceException(ErrorCode.CHANNEL_FULL, "The channel '" + name + "' already has two members.");
                }
                channel.members.add(member(actor));
                index(actor.username(), name);
                written = persist(() -> store.addMember(name, actor.username(), clock.instant()));
                presenceLocked(channel, member(actor), PresenceState.JOINED, out);
            }
            info = infoLocked(channel);
        }
        out.deliver(relay);
        return written.whenComplete((x, failed) -> {
            if (failed != null) {
                undoJoin(actor, name);
            }
        }).thenApply(x -> info);
    }

    /** The channel could not be stored: it is not there after all (members who joined meanwhile are out too). */
    private void undoCreate(Channel channel) {
        synchronized (lock) {
            if (channels.get(channel.name) == channel) {
                channels.remove(channel.name);
                channel.members.forEach(m -> unindex(m.username(), channel.name));
            }
        }
    }

    /** The membership could not be stored: the member is out again, and the other member is told so. */
    private void undoJoin(Actor actor, String name) {
        Outbox out = new Outbox();
        synchronized (lock) {
            Channel channel = channels.get(name);
            if (channel != null && channel.members.removeIf(m -> m.username().equals(actor.username()))) {
                unindex(actor.username(), name);
                presenceLocked(channel, member(actor), PresenceState.LEFT, out);
            }
        }
        out.deliver(relay);
    }

    /**
     * Completes once the change is stored. If that fails the member has left all the same (the other member
     * was told already), until the server restarts from what was stored.
     */
    public CompletableFuture<Void> leave(Actor actor, String name) {
        Outbox out = new Outbox();
        List<CompletableFuture<Void>> written = new ArrayList<>();
        synchronized (lock) {
            Channel channel = existing(name);
            if (!channel.hasMember(actor.username())) {
                throw notAMember(name);
            }
            calls.endInChannelLocked(name, EndReason.LEFT_CHANNEL, out);
            channel.members.removeIf(m -> m.username().equals(actor.username()));
            unindex(actor.username(), name);
            if (channel.members.isEmpty()) {
                channels.remove(name);
                written.add(persist(() -> store.delete(name)));
            } else {
                written.add(persist(() -> store.removeMember(name, actor.username())));
                if (channel.owner.equals(actor.username())) {
                    channel.owner = channel.members.get(0).username();
                    String newOwner = channel.owner;
                    written.add(persist(() -> store.setOwner(name, newOwner)));
                }
                presenceLocked(channel, member(actor), PresenceState.LEFT, out);
            }
        }
        out.deliver(relay);
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new));
    }

    /** Completes once the deletion is stored; if that fails, as {@link #leave}, it holds until a restart. */
    public CompletableFuture<Void> delete(Actor actor, String name) {
        Outbox out = new Outbox();
        CompletableFuture<Void> written;
        synchronized (lock) {
            Channel channel = existing(name);
            if (!channel.owner.equals(actor.username())) {
                throw new ServiceException(ErrorCode.NOT_OWNER, "Only the owner can delete the channel '" + name + "'.");
            }
            calls.endInChannelLocked(name, EndReason.CHANNEL_DELETED, out);
            channels.remove(name);
            for (Member m : channel.members) {
                unindex(m.username(), name);
                out.toUserExcept(m.username(), actor.connectionId(), new Event.ChannelDeleted(name));
            }
            written = persist(() -> store.delete(name));
        }
        out.deliver(relay);
        return written;
    }

    public List<ChannelInfo> list(Actor actor) {
        synchronized (lock) {
            List<ChannelInfo> result = new ArrayList<>();
            for (String name : channelsByUser.getOrDefault(actor.username(), Set.of())) {
                result.add(infoLocked(channels.get(name)));
            }
            result.sort(Comparator.comparing(ChannelInfo::name));
            return result;
        }
    }

    /** Rings; {@code proposedId} is the caller's id for the call, or null to have one made here. */
    public String ring(Actor actor, String channelName, Media media, String proposedId) {
        Outbox out = new Outbox();
        String callId;
        synchronized (lock) {
            Channel channel = existing(channelName);
            if (!channel.hasMember(actor.username())) {
                throw notAMember(channelName);
            }
            Member peer = channel.otherThan(actor.username()).orElseThrow(() -> new ServiceException(
                    ErrorCode.PEER_OFFLINE, "Nobody else is in '" + channelName + "' yet; share its name first."));
            callId = calls.ringLocked(actor, channel, peer, media, relay.isOnline(peer.username()), proposedId, out);
        }
        out.deliver(relay);
        return callId;
    }

    /**
     * Completes once the accepted call is stored, so it survives a restart; if that write fails the call
     * still goes on, it just cannot be resumed after a restart.
     */
    public CompletableFuture<Void> accept(Actor actor, String callId) {
        runLocked(out -> calls.acceptLocked(actor, callId, out));
        return storeWriter.flushed();
    }

    public void decline(Actor actor, String callId) {
        runLocked(out -> calls.declineLocked(actor, callId, out));
    }

    public void cancel(Actor actor, String callId) {
        runLocked(out -> calls.cancelLocked(actor, callId, out));
    }

    public void hangup(Actor actor, String callId) {
        runLocked(out -> calls.hangupLocked(actor, callId, out));
    }

    /** Passes offer/answer/candidate to the other member of the call, and nobody else. */
    public void relay(Actor actor, String callId, Function<String, Event> eventFrom) {
        String target;
        synchronized (lock) {
            target = calls.relayTargetLocked(actor, callId);
        }
        if (!relay.toSession(target, eventFrom.apply(actor.username()))) {
            throw new ServiceException(ErrorCode.PEER_OFFLINE, "The other side is reconnecting; send this again later.");
        }
    }

    /** After a resume: the call this session had, re-attached. */
    public Optional<CallInfo> sessionResumed(Actor actor) {
        synchronized (lock) {
            return calls.resumedLocked(actor);
        }
    }

    /** The session's last connection closed. */
    public void sessionDisconnected(String sessionId) {
        runLocked(out -> calls.sessionDisconnectedLocked(sessionId, out));
    }

    /** The session was logged out or revoked. */
    public void sessionEnded(String sessionId) {
        runLocked(out -> calls.sessionEndedLocked(sessionId, out));
    }

    /** The user's first connection authenticated, or last one closed: tell the other members. */
    public void presenceChanged(String username, String displayName, boolean online) {
        runLocked(out -> {
            Member who = new Member(username, displayName);
            for (String name : channelsByUser.getOrDefault(username, Set.of())) {
                presenceLocked(channels.get(name), who, online ? PresenceState.ONLINE : PresenceState.OFFLINE, out);
            }
        });
    }

    public int channelCount() {
        synchronized (lock) {
            return channels.size();
        }
    }

    public int callCount(CallState state) {
        synchronized (lock) {
            return calls.count(state);
        }
    }

    private void runLocked(Consumer<Outbox> lockedAction) {
        Outbox out = new Outbox();
        synchronized (lock) {
            lockedAction.accept(out);
        }
        out.deliver(relay);
    }

    private void runTimer(Consumer<Outbox> lockedAction) {
        try {
            runLocked(lockedAction);
        } catch (RuntimeException e) {
            log.error("call timer failed", e);
        }
    }

    private void presenceLocked(Channel channel, Member who, PresenceState state, Outbox out) {
        Event event = new Event.Presence(channel.name, new UserInfo(who.username(), who.displayName()), state);
        channel.otherThan(who.username()).ifPresent(other -> out.toUser(other.username(), event));
    }

    private ChannelInfo infoLocked(Channel channel) {
        List<MemberInfo> members = new ArrayList<>();
        channel.members.stream()
                .sorted(Comparator.comparing((Member m) -> !m.username().equals(channel.owner)))
                .forEach(m -> members.add(new MemberInfo(m.username(), m.displayName(), relay.isOnline(m.username()))));
        return new ChannelInfo(channel.name, channel.owner, members);
    }

    private Channel existing(String name) {
        Channel channel = channels.get(name);
        if (channel == null) {
            throw new ServiceException(ErrorCode.CHANNEL_NOT_FOUND, "There is no channel named '" + name + "'.");
        }
        return channel;
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

    private CompletableFuture<Void> persist(Runnable write) {
        return storeWriter.submit("channel change", write);
    }

    private static Member member(Actor actor) {
        return new Member(actor.username(), actor.displayName());
    }

    private static ServiceException notAMember(String name) {
        return new ServiceException(ErrorCode.NOT_A_MEMBER, "You are not a member of '" + name + "'.");
    }
}
