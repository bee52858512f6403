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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * The one owner of channels and calls. One lock guards both; methods decide under it — the rules are in
 * {@link ChannelTable} and {@link CallTable}, whose {@code ...Locked} methods run under it — record events in
 * an {@link Outbox} and deliver them after releasing it. Channel changes and active calls are written
 * through to the stores by a {@link StoreWriter} (submitted under the lock, so the database sees them in
 * order) and read back by {@link #load()}.
 */
public final class ChannelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);
    public static final int MAX_MEMBERS = 2;
    public static final int MAX_CHANNELS_OWNED = 100;

    private final Object lock = new Object();
    private final ChannelTable channels;
    private final CallTable calls;
    private final Channels store;
    private final ActiveCallLog activeCalls;
    private final StoreWriter storeWriter;
    private final Relay relay;

    /** {@code storeWriter} must run tasks one at a time, in order. */
    public ChannelRegistry(Channels store, ActiveCalls activeCalls, CallHistory history, Executor storeWriter,
            Relay relay, ScheduledExecutorService timers, Clock clock, CallTimeouts timeouts) {
        this.store = store;
        this.storeWriter = new StoreWriter(storeWriter);
        this.activeCalls = new ActiveCallLog(activeCalls, this.storeWriter, clock);
        this.relay = relay;
        this.channels = new ChannelTable(store, this.storeWriter, clock, relay::isOnline);
        CallScheduler scheduler = (delay, action) ->
                timers.schedule(() -> runTimer(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        this.calls = new CallTable(scheduler, timeouts, () -> UUID.randomUUID().toString(), this.activeCalls,
                new CallHistoryLog(history, this.storeWriter, clock, new MissedCallNotices(history, relay)));
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
            stored.forEach(channels::loadLocked);
            for (StoredCall call : storedCalls) {
                restored += calls.restoreLocked(call, channels.findLocked(call.channel())) ? 1 : 0;
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
            written = channels.createLocked(actor, name);
            channel = channels.existingLocked(name);
            info = channels.infoLocked(channel);
        }
        return written.whenComplete((x, failed) -> {
            if (failed != null) {
                runLocked(out -> channels.undoCreateLocked(channel));
            }
        }).thenApply(x -> info);
    }

    /**
     * Completes once the membership is stored; if that fails, the member is taken out again. A non-member gets
     * in only if {@code admission} (see {@link ChannelAccess}) lets them.
     */
    CompletableFuture<ChannelInfo> join(Actor actor, String name, ChannelTable.Admission admission) {
        Outbox out = new Outbox();
        CompletableFuture<Void> written;
        ChannelInfo info;
        synchronized (lock) {
            written = channels.joinLocked(actor, name, admission, out);
            info = channels.infoLocked(channels.existingLocked(name));
        }
        out.deliver(relay);
        return written.whenComplete((x, failed) -> {
            if (failed != null) {
                runLocked(o -> channels.undoJoinLocked(actor, name, o));
            }
        }).thenApply(x -> info);
    }

    /**
     * Completes once the change is stored. If that fails the member has left all the same (the other member
     * was told already), until the server restarts from what was stored.
     */
    public CompletableFuture<Void> leave(Actor actor, String name) {
        Outbox out = new Outbox();
        CompletableFuture<Void> written;
        synchronized (lock) {
            Channel channel = channels.memberChannelLocked(actor, name);
            calls.endInChannelLocked(name, EndReason.LEFT_CHANNEL, out);
            written = channels.leaveLocked(actor, channel, out);
        }
        out.deliver(relay);
        return written;
    }

    /** Completes once the deletion is stored; if that fails, as {@link #leave}, it holds until a restart. */
    public CompletableFuture<Void> delete(Actor actor, String name) {
        Outbox out = new Outbox();
        CompletableFuture<Void> written;
        synchronized (lock) {
            Channel channel = channels.ownedChannelLocked(actor, name);
            calls.endInChannelLocked(name, EndReason.CHANNEL_DELETED, out);
            written = channels.deleteLocked(actor, channel, out);
        }
        out.deliver(relay);
        return written;
    }

    /** CHANNEL_NOT_FOUND or NOT_A_MEMBER unless the actor is a member of the channel. */
    public void requireMember(Actor actor, String name) {
        synchronized (lock) {
            channels.memberChannelLocked(actor, name);
        }
    }

    public List<ChannelInfo> list(Actor actor) {
        synchronized (lock) {
            return channels.listLocked(actor.username());
        }
    }

    /** Rings; {@code proposedId} is the caller's id for the call, or null to have one made here. */
    public String ring(Actor actor, String channelName, Media media, String proposedId) {
        Outbox out = new Outbox();
        String callId;
        synchronized (lock) {
            Channel channel = channels.memberChannelLocked(actor, channelName);
            Member peer = channel.otherThan(actor.username()).orElseThrow(() -> new ServiceException(
                    ErrorCode.PEER_OFFLINE, "Nobody else is in '" + channelName + "' yet; send them an invite first."));
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

    /**
     * Passes offer/answer/candidate to the other member of the call, and nobody else: {@code frameFrom} makes the
     * event's frame from the sender's username.
     */
    public void relay(Actor actor, String callId, Function<String, String> frameFrom) {
        String target;
        synchronized (lock) {
            target = calls.relayTargetLocked(actor, callId);
        }
        if (!relay.frameToSession(target, frameFrom.apply(actor.username()))) {
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
        if (!online && relay.isOnline(username)) {
            return; // connected again meanwhile, or (one node of several) still connected to another node
        }
        runLocked(out -> channels.presenceChangedLocked(new Member(username, displayName), online, out));
    }

    /** The admin ended the account's sessions (disabled it, set its password): its calls end at once, for both. */
    public void accountClosed(String username) {
        runLocked(out -> channels.namesOfLocked(username)
                .forEach(name -> calls.endInChannelLocked(name, EndReason.DISCONNECTED, out)));
    }

    /** The admin deleted the account: it leaves its channels here as it has in the database. */
    public void accountDeleted(String username) {
        runLocked(out -> {
            channels.namesOfLocked(username).forEach(name -> calls.endInChannelLocked(name, EndReason.LEFT_CHANNEL, out));
            channels.accountDeletedLocked(username, out);
        });
    }

    /** The account's display name changed (by its user or the admin). */
    public void renamed(String username, String displayName) {
        runLocked(out -> channels.renamedLocked(username, displayName, out));
    }

    public int channelCount() {
        synchronized (lock) {
            return channels.countLocked();
        }
    }

    public int callCount(CallState state) {
        synchronized (lock) {
            return calls.count(state);
        }
    }

    /** Decides under the lock with both tables (for {@link ChannelAccess}); delivers the events after. */
    <T> T decide(Decision<T> decision) {
        Outbox out = new Outbox();
        T result;
        synchronized (lock) {
            result = decision.decideLocked(channels, calls, out);
        }
        out.deliver(relay);
        return result;
    }

    interface Decision<T> {
        T decideLocked(ChannelTable channels, CallTable calls, Outbox out);
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

    private void runTimer(Consumer<Outbox> lockedAction) {
        try {
            runLocked(lockedAction);
        } catch (RuntimeException e) {
            log.error("call timer failed", e);
        }
    }
}
