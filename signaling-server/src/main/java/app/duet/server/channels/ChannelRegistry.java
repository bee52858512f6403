package app.duet.server.channels;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Media;
import app.duet.server.ServiceException;
import app.duet.server.store.ActiveCalls;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.CallHistory;
import app.duet.server.store.Channels;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import app.duet.server.store.PrivateChannels;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of channels and calls. One lock guards both; methods decide under it — the rules are in
 * {@link ChannelTable} and {@link CallTable}, whose {@code ...Locked} methods run under it — record events in
 * an {@link Outbox} and deliver them after releasing it. Channel changes and active calls are written
 * through to the stores by a {@link StoreWriter} (submitted under the lock, so the database sees them in
 * order) and read back by {@link #load()}. With several nodes the calls are in Redis instead of this node's
 * memory, and each decision is one transaction there ({@link SharedAttempts}); the rules are the same.
 */
public final class ChannelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);
    public static final int MAX_MEMBERS = 2;
    public static final int MAX_CHANNELS_OWNED = 100;

    private final ChannelTable channels;
    private final CallTable calls;
    private final Channels store;
    private final ActiveCallLog activeCalls;
    private final StoreWriter storeWriter;
    private final Relay relay;
    /** Several nodes: the calls and timers in Redis, and the transactions on them, and the relay; null for one. */
    private final SharedCallBook shared;
    private final SharedRelay sharedRelay;
    private final SharedChannels sharedChannels;
    private final Decider decider;
    private final StoredChanges storedChanges;
    private final PresenceChanges presenceChanges;

    /** A lone node. {@code storeWriter} must run tasks one at a time, in order. */
    public ChannelRegistry(Channels store, ActiveCalls activeCalls, CallHistory history, Executor storeWriter,
            Relay relay, ScheduledExecutorService timers, Clock clock, CallTimeouts timeouts) {
        this(store, activeCalls, history, storeWriter, relay, timers, clock, timeouts, null, null);
    }

    /** One node of several if {@code sharedState} is not null: calls and timers are there, channels read again. */
    public ChannelRegistry(Channels store, ActiveCalls activeCalls, CallHistory history, Executor storeWriter,
            Relay relay, ScheduledExecutorService timers, Clock clock, CallTimeouts timeouts, SharedState sharedState,
            PrivateChannels privateChannels) {
        this.store = store;
        this.storeWriter = new StoreWriter(storeWriter);
        this.activeCalls = new ActiveCallLog(activeCalls, this.storeWriter, clock);
        this.relay = relay;
        this.presenceChanges = new PresenceChanges(relay);
        this.sharedChannels = sharedState == null ? null : new SharedChannels(sharedState, store, privateChannels);
        this.channels = new ChannelTable(new ChannelWrites(store, this.storeWriter, clock, relay, sharedChannels),
                relay::isOnline, sharedChannels);
        this.shared = sharedState == null ? null : new SharedCallBook(sharedState, clock);
        this.sharedRelay = sharedState == null ? null : new SharedRelay(sharedState);
        CallBook book = shared == null ? new LocalCallBook() : shared;
        CallTimers callTimers = shared == null ? new LocalCallTimers(timers, this::timerDue) : shared;
        this.calls = new CallTable(book, callTimers, timeouts, () -> UUID.randomUUID().toString(), this.activeCalls,
                new CallHistoryLog(history, this.storeWriter, clock, new MissedCallNotices(history, relay)));
        this.decider = new Decider(channels, calls, relay,
                shared == null ? null : new SharedAttempts(shared, this.storeWriter));
        this.storedChanges = new StoredChanges(decider, relay);
    }

    /**
     * Reads the stored channels and the calls that were active when the server stopped; call once before
     * serving. Restored calls wait for both sides to resume (see {@link CallTimeouts#graceAfterRestart}).
     */
    public void load() {
        if (sharedChannels != null) {
            sharedChannels.startLoading();
        }
        List<StoredChannel> stored = store.loadAll();
        List<StoredCall> storedCalls = activeCalls.loadAll();
        int restored = decide((channels, calls, out) -> {
            stored.forEach(channels::loadLocked);
            int kept = 0;
            for (StoredCall call : storedCalls) {
                kept += calls.restoreLocked(call, channels.findLocked(call.channel())) ? 1 : 0;
            }
            return kept;
        });
        log.info("loaded {} channels and {} calls in progress ({} stored calls dropped: channel or member gone)",
                stored.size(), restored, storedCalls.size() - restored);
    }

    /** Completes once the channel is stored; if that fails, the channel is taken back. */
    public CompletableFuture<ChannelInfo> create(Actor actor, String name) {
        return storedChanges.stored(name, (channels, calls, out) -> channels.createLocked(actor, name),
                ChannelTable::undoCreateLocked);
    }

    /**
     * Completes once the membership is stored; if that fails (several nodes: another node filled, locked or
     * deleted the channel first), the member is out again and gets the refusal. A non-member gets in only if
     * {@code admission} (see {@link ChannelAccess}) lets them; the other member is told once it is stored.
     */
    CompletableFuture<ChannelInfo> join(Actor actor, String name, ChannelTable.Admission admission) {
        return storedChanges.stored(name, (channels, calls, out) -> channels.joinLocked(actor, name, admission, out),
                (channels, channel) -> channels.undoJoinLocked(actor, name));
    }

    /**
     * Completes once the change is stored. If that fails the member has left all the same (the other member
     * was told already), until the server restarts from what was stored.
     */
    public CompletableFuture<Void> leave(Actor actor, String name) {
        return decideInTwo((channels, calls, out) -> {
            channels.memberChannelLocked(actor, name);
            calls.endInChannelLocked(name, EndReason.LEFT_CHANNEL, out);
            return null;
        }, (channels, calls, out) -> channels.leaveLocked(actor, channels.memberChannelLocked(actor, name), out));
    }

    /** Completes once the deletion is stored; if that fails, as {@link #leave}, it holds until a restart. */
    public CompletableFuture<Void> delete(Actor actor, String name) {
        return decideInTwo((channels, calls, out) -> {
            channels.ownedChannelLocked(actor, name);
            calls.endInChannelLocked(name, EndReason.CHANNEL_DELETED, out);
            return null;
        }, (channels, calls, out) -> channels.deleteLocked(actor, channels.ownedChannelLocked(actor, name), out));
    }

    /** CHANNEL_NOT_FOUND or NOT_A_MEMBER unless the actor is a member of the channel. */
    public void requireMember(Actor actor, String name) {
        decide((channels, calls, out) -> channels.memberChannelLocked(actor, name));
    }

    public List<ChannelInfo> list(Actor actor) {
        return decide((channels, calls, out) -> channels.listLocked(actor.username()));
    }

    /** Rings; {@code proposedId} is the caller's id for the call, or null to have one made here. */
    public String ring(Actor actor, String channelName, Media media, String proposedId) {
        return decide((channels, calls, out) -> {
            Channel channel = channels.memberChannelLocked(actor, channelName);
            Member peer = channel.otherThan(actor.username()).orElseThrow(() -> new ServiceException(
                    ErrorCode.PEER_OFFLINE, "Nobody else is in '" + channelName + "' yet; send them an invite first."));
            return calls.ringLocked(actor, channel, peer, media, relay.isOnline(peer.username()), proposedId, out);
        });
    }

    /** Completes once the accepted call is stored (if that fails, it goes on but cannot be resumed after a restart). */
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

    /** Offer/answer/candidate, made by {@code frameFrom} for the sender, to the call's other member only. */
    public CompletableFuture<Void> relay(Actor actor, String callId, Function<String, String> frameFrom) {
        if (sharedRelay != null) {
            return sharedRelay.relay(actor, callId, frameFrom.apply(actor.username()));
        }
        String target = decide((channels, calls, out) -> calls.relayTargetLocked(actor, callId));
        if (!relay.frameToSession(target, frameFrom.apply(actor.username()))) {
            throw Relay.peerAway();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** After a resume: the call this session had, re-attached. */
    public Optional<CallInfo> sessionResumed(Actor actor) {
        return decide((channels, calls, out) -> calls.resumedLocked(actor));
    }

    /** The session's last connection closed. */
    public void sessionDisconnected(String sessionId) {
        runLocked(out -> calls.sessionDisconnectedLocked(sessionId, out));
    }

    /** The session was logged out or revoked. */
    public void sessionEnded(String sessionId) {
        runLocked(out -> calls.sessionEndedLocked(sessionId, out));
    }

    /** The user's first connection here authenticated, or last one here went: if they came or went, tell the others. */
    public void presenceChanged(String username, String displayName, boolean online) {
        presenceChanges.inOrder(username, online, () ->
                runLocked(out -> channels.presenceChangedLocked(new Member(username, displayName), online, out)));
    }

    /** The admin ended the account's sessions (disabled it, set its password): its calls end at once, for both. */
    public void accountClosed(String username) {
        decide(endCallsOf(username, EndReason.DISCONNECTED));
    }

    /**
     * The account was deleted: it leaves its channels here as it has in the database and its calls end (one
     * shared decision: later nodes find none); the others see it go if this node {@code claimed} the change.
     */
    public void accountDeleted(String username, boolean claimed) {
        decideInTwo(endCallsOf(username, EndReason.LEFT_CHANNEL), (channels, calls, out) -> {
            channels.accountDeletedLocked(username, claimed, out);
            return null;
        });
    }

    private static Decider.Decision<Void> endCallsOf(String username, EndReason reason) {
        return (channels, calls, out) -> {
            channels.namesOfLocked(username).forEach(name -> calls.endInChannelLocked(name, reason, out));
            return null;
        };
    }

    /**
     * The account's display name changed (by its user or the admin): its channels here show it, the user and
     * members are told if this node {@code claimed} the change ({@link AccountChangeClaims}). Several nodes:
     * returns once the other nodes read its channels again, so they show the new name before the renaming
     * user's request is answered (whichever node claimed it).
     */
    public void renamed(String username, String displayName, boolean claimed) {
        List<String> names = decide((channels, calls, out) ->
                channels.renamedLocked(username, displayName, claimed ? out : new Outbox())); // else nobody delivers
        if (sharedChannels != null) {
            sharedChannels.changedAll(names).join();
        }
    }

    public int channelCount() {
        return decide((channels, calls, out) -> channels.countLocked());
    }

    /** With several nodes, the calls of all nodes. */
    public int callCount(CallState state) {
        return shared != null ? shared.count(state) : decide((channels, calls, out) -> calls.count(state));
    }

    /** Several nodes: the periodic work on the shared calls, to be scheduled by the caller. */
    public SharedCallUpkeep sharedUpkeep() {
        return new SharedCallUpkeep(shared, this::timerDue, this::sessionDisconnected, this::sessionResumed);
    }

    /** Several nodes: another node changed the channel; this node reads it again (on the store writer). */
    public void channelChangedElsewhere(String name) {
        storeWriter.submit("channel refresh", () -> runLocked(out -> channels.refreshLocked(name)));
    }

    /** Decides under the lock with both tables (for {@link ChannelAccess}); see {@link Decider}. */
    <T> T decide(Decider.Decision<T> decision) {
        return decider.decide(decision);
    }

    <T> T decideInTwo(Decider.Decision<?> callsFirst, Decider.Decision<T> then) {
        return decider.decideInTwo(callsFirst, then);
    }

    StoreWriter storeWriter() {
        return storeWriter;
    }

    private void runLocked(Consumer<Outbox> lockedAction) {
        decide((c, k, out) -> {
            lockedAction.accept(out);
            return null;
        });
    }

    private void timerDue(CallTimer timer) {
        try {
            runLocked(out -> calls.timerFiredLocked(timer, out));
        } catch (RuntimeException e) {
            log.error("call timer {} failed", timer, e);
        }
    }
}
