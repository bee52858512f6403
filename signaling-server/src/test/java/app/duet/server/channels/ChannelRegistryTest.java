package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.protocol.CallState;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.server.ServiceException;
import app.duet.server.store.ActiveCalls;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.Refusal;
import app.duet.server.store.Channels.StoredChannel;
import app.duet.server.store.Channels;
import app.duet.server.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call and channel rules without sockets or a database: a recording relay and an in-memory store. */
class ChannelRegistryTest {
    /** These tests are about calls and membership, not admission (ChannelAccessTest is): anyone may join. */
    private static final ChannelTable.Admission ANYONE = (channel, out) -> { };
    /** Records deliveries; "connected" sessions and users are set by the test. */
    static final class RecordingRelay implements Relay {
        private static final ProtocolCodec CODEC = new ProtocolCodec();

        record Delivery(String to, Event event) {
        }

        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        final Set<String> onlineUsers = ConcurrentHashMap.newKeySet();
        final Set<String> connectedSessions = ConcurrentHashMap.newKeySet();

        @Override
        public void toUser(String username, Event event, String exceptConnectionId) {
            deliveries.add(new Delivery("user:" + username, event));
        }

        @Override
        public boolean toSession(String sessionId, Event event) {
            deliveries.add(new Delivery("session:" + sessionId, event));
            return connectedSessions.contains(sessionId);
        }

        /** Decoded, so a test sees the relayed event; an undecodable frame fails the test. */
        @Override
        public boolean frameToSession(String sessionId, String frame) {
            try {
                return toSession(sessionId, (Event) CODEC.decodeServerMessage(frame, id -> null));
            } catch (ProtocolException e) {
                throw new AssertionError("relayed an invalid frame: " + frame, e);
            }
        }

        @Override
        public boolean isOnline(String username) {
            return onlineUsers.contains(username);
        }

        /** The frame the server relays for this event. */
        static String frame(Event event) {
            return CODEC.encode(event);
        }

        List<Event> to(String target) {
            List<Event> events = new ArrayList<>();
            deliveries.stream().filter(d -> d.to().equals(target)).forEach(d -> events.add(d.event()));
            return events;
        }
    }

    /** The store interface, in memory; the registry only writes through to it. */
    static class NoStore implements Channels {
        @Override public List<StoredChannel> loadAll() { return List.of(); }
        @Override public Optional<Refusal> create(String name, String owner, Instant at, int maxOwned) {
            return Optional.empty();
        }
        @Override public Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers) {
            return Optional.empty();
        }
        @Override public void leave(String name, String username) { }
        @Override public List<String> delete(String name) { return List.of(); }
    }

    /** Active calls are kept by a real SQLite store in the integration tests; here nothing is stored. */
    static final class NoActiveCalls implements ActiveCalls {
        @Override public List<StoredCall> loadAll() { return List.of(); }
        @Override public void add(StoredCall call) { }
        @Override public void remove(String callId) { }
    }

    final Actor ann = new Actor("ann", "Ann", "s-ann", "c-ann");
    final Actor bob = new Actor("bob", "Bob", "s-bob", "c-bob");
    final RecordingRelay relay = new RecordingRelay();
    final RecordingHistory history = new RecordingHistory();
    static final Duration RING_TIMEOUT = Duration.ofSeconds(45);
    static final Duration GRACE = Duration.ofSeconds(30);
    final ManualTimers timers = new ManualTimers();
    ChannelRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new ChannelRegistry(new NoStore(), new NoActiveCalls(), history, Runnable::run, relay, timers,
                Clock.systemUTC(), new CallTimeouts(RING_TIMEOUT, GRACE, GRACE));
        relay.onlineUsers.addAll(Set.of("ann", "bob"));
        relay.connectedSessions.addAll(Set.of("s-ann", "s-bob"));
        registry.create(ann, "room");
        registry.join(bob, "room", ANYONE);
    }

    @Test
    void acceptedCallRelaysOnlyToTheOtherSession() {
        String call = registry.ring(ann, "room", Media.AUDIO, null);
        assertThat(relay.to("user:bob")).contains(new Event.CallIncoming(call, "room",
                new app.duet.protocol.UserInfo("ann", "Ann"), Media.AUDIO));
        registry.accept(bob, call);
        assertThat(relay.to("session:s-ann")).containsExactly(new Event.CallAccepted(call));
        registry.relay(bob, call, from -> RecordingRelay.frame(new Event.Answer(call, from, "sdp")));
        assertThat(relay.to("session:s-ann")).endsWith(new Event.Answer(call, "bob", "sdp"));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
    }

    @Test
    void aRingThatNobodyAnswersTimesOut() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        timers.advance(RING_TIMEOUT.minusMillis(1));
        assertThat(registry.callCount(CallState.RINGING)).isEqualTo(1);
        timers.advance(Duration.ofMillis(1));
        assertThat(registry.callCount(CallState.RINGING)).isZero();
        assertThat(relay.to("session:s-ann")).containsExactly(new Event.CallEnded(call, EndReason.NO_ANSWER));
        assertThat(relay.to("user:bob")).endsWith(new Event.CallEnded(call, EndReason.NO_ANSWER));
    }

    @Test
    void everyWayACallEndsIsRecordedWithItsOutcome() {
        Actor cat = new Actor("cat", "Cat", "s-cat", "c-cat");
        relay.onlineUsers.add("cat");
        registry.create(cat, "other");
        registry.join(bob, "other", ANYONE);
        registry.hangup(ann, accepted());
        registry.decline(bob, registry.ring(ann, "room", Media.AUDIO, null));
        registry.cancel(ann, registry.ring(ann, "room", Media.VIDEO, null));
        registry.ring(ann, "room", Media.VIDEO, null);
        timers.advance(RING_TIMEOUT);
        accepted();
        registry.sessionDisconnected("s-bob");
        timers.advance(GRACE);
        String ringing = registry.ring(ann, "room", Media.VIDEO, null);
        assertThatThrownBy(() -> registry.ring(cat, "other", Media.AUDIO, null)).isInstanceOf(ServiceException.class);
        registry.cancel(ann, ringing);
        relay.onlineUsers.remove("bob");
        assertThatThrownBy(() -> registry.ring(ann, "room", Media.AUDIO, null)).isInstanceOf(ServiceException.class);

        assertThat(history.recorded).extracting(c -> c.outcome() + (c.missed() ? " (missed)" : ""))
                .containsExactly("answered", "declined", "cancelled (missed)", "no_answer (missed)", "disconnected",
                        "busy (missed)", "cancelled (missed)", "missed (missed)");
        assertThat(history.recorded.get(0).answeredAt()).isNotNull();
        assertThat(history.recorded.get(1).answeredAt()).isNull();
        assertThat(history.recorded.get(5).caller()).isEqualTo("cat");
    }

    private String accepted() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        return call;
    }

    @Test
    void anAcceptedRingDoesNotTimeOut() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        timers.advance(RING_TIMEOUT.multipliedBy(2));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
        assertThat(relay.deliveries).noneMatch(d -> d.event() instanceof Event.CallEnded);
    }

    @Test
    void graceExpiryEndsTheCallForTheOneWhoStayed() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        relay.connectedSessions.remove("s-bob");
        registry.sessionDisconnected("s-bob");
        assertThatThrownBy(() -> registry.relay(ann, call, from -> RecordingRelay.frame(new Event.Offer(call, from, "sdp"))))
                .isInstanceOf(ServiceException.class).extracting(e -> ((ServiceException) e).code())
                .isEqualTo(ErrorCode.PEER_OFFLINE);
        timers.advance(GRACE.minusMillis(1));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
        timers.advance(Duration.ofMillis(1));
        assertThat(registry.callCount(CallState.ACTIVE)).isZero();
        assertThat(relay.to("session:s-ann")).endsWith(new Event.CallEnded(call, EndReason.DISCONNECTED));
        assertThat(relay.to("session:s-bob")).noneMatch(e -> e instanceof Event.CallEnded);
    }

    @Test
    void resumeWithinGraceCancelsTheTimer() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        registry.sessionDisconnected("s-bob");
        assertThat(registry.sessionResumed(new Actor("bob", "Bob", "s-bob", "c-bob-2"))).isPresent();
        timers.advance(GRACE.multipliedBy(2));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
    }

    @Test
    void aSecondSessionOfTheCalleeCannotHijackTheCall() {
        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        Actor bobElsewhere = new Actor("bob", "Bob", "s-bob-laptop", "c-bob-laptop");
        assertThatThrownBy(() -> registry.relay(bobElsewhere, call, from -> RecordingRelay.frame(new Event.Offer(call, from, "sdp"))))
                .extracting(e -> ((ServiceException) e).code()).isEqualTo(ErrorCode.CALL_NOT_FOUND);
        assertThat(registry.sessionResumed(bobElsewhere)).isEmpty();
    }

    @Test
    void aThirdMemberIsRefusedAndTheLimitIsANamedConstant() {
        assertThat(ChannelRegistry.MAX_MEMBERS).isEqualTo(2);
        Actor cid = new Actor("cid", "Cid", "s-cid", "c-cid");
        assertThatThrownBy(() -> registry.join(cid, "room", ANYONE))
                .extracting(e -> ((ServiceException) e).code()).isEqualTo(ErrorCode.CHANNEL_FULL);
    }

    @Test
    void ownedChannelsAreLimited() {
        Actor dee = new Actor("dee", "Dee", "s-dee", "c-dee");
        for (int i = 0; i < ChannelRegistry.MAX_CHANNELS_OWNED; i++) {
            registry.create(dee, "c" + i);
        }
        assertThatThrownBy(() -> registry.create(dee, "one-more"))
                .extracting(e -> ((ServiceException) e).code()).isEqualTo(ErrorCode.LIMIT_REACHED);
    }

    @Test
    void aChannelOrMembershipThatCannotBeStoredIsTakenBack() {
        class FailingStore extends NoStore {
            volatile boolean failing;

            @Override public Optional<Refusal> create(String name, String owner, Instant at, int maxOwned) {
                return failIfAsked();
            }
            @Override public Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers) {
                return failIfAsked();
            }

            private Optional<Refusal> failIfAsked() {
                if (failing) {
                    throw new StoreException("disk full", null);
                }
                return Optional.empty();
            }
        }
        FailingStore store = new FailingStore();
        ChannelRegistry r = new ChannelRegistry(store, new NoActiveCalls(), new RecordingHistory(), Runnable::run, relay, timers,
                Clock.systemUTC(), new CallTimeouts(RING_TIMEOUT, GRACE, GRACE));
        r.create(ann, "kept");
        relay.deliveries.clear(); // what setUp's registry sent
        store.failing = true;

        assertThat(r.join(bob, "kept", ANYONE)).isCompletedExceptionally();
        assertThat(r.create(ann, "lost")).isCompletedExceptionally();

        assertThat(r.list(bob)).isEmpty();
        assertThat(r.list(ann)).extracting(ChannelInfo::name).containsExactly("kept");
        assertThat(r.list(ann).get(0).members()).extracting(MemberInfo::username).containsExactly("ann");
        assertThat(relay.to("user:ann")).as("nobody hears of a join that did not happen")
                .noneMatch(Event.Presence.class::isInstance);
        store.failing = false;
        assertThat(r.create(ann, "lost")).isCompleted();
        assertThat(r.join(bob, "kept", ANYONE)).isCompleted();
        assertThat(relay.to("user:ann")).filteredOn(Event.Presence.class::isInstance)
                .extracting(e -> ((Event.Presence) e).state()).containsExactly(PresenceState.JOINED);
    }

    /** What the database answers when another node's change of the channel came first. */
    @Test
    void aChangeTheDatabaseRefusesIsTakenBackAnsweredAsTheRulesWouldAndNeverAnnounced() {
        class OtherNodeCameFirst extends NoStore {
            @Override public Optional<Refusal> create(String name, String owner, Instant at, int maxOwned) {
                return Optional.of(Refusal.NAME_TAKEN);
            }
            @Override public Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers) {
                return Optional.of(Refusal.FULL);
            }
        }
        ChannelRegistry r = new ChannelRegistry(new OtherNodeCameFirst(), new NoActiveCalls(), new RecordingHistory(),
                Runnable::run, relay, timers, Clock.systemUTC(), new CallTimeouts(RING_TIMEOUT, GRACE, GRACE));
        r.decide((channels, calls, out) -> {
            channels.loadLocked(new StoredChannel("room", "ann", List.of(new Member("ann", "Ann"))));
            return null;
        });
        relay.deliveries.clear(); // what setUp's registry sent

        assertThatThrownBy(() -> r.join(bob, "room", ANYONE).join()).hasCauseInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e.getCause()).code()).isEqualTo(ErrorCode.CHANNEL_FULL);
        assertThatThrownBy(() -> r.create(ann, "taken").join())
                .extracting(e -> ((ServiceException) e.getCause()).code()).isEqualTo(ErrorCode.CHANNEL_EXISTS);

        assertThat(r.list(ann)).extracting(ChannelInfo::name).containsExactly("room");
        assertThat(r.list(ann).get(0).members()).extracting(MemberInfo::username).containsExactly("ann");
        assertThat(r.list(bob)).isEmpty();
        assertThat(relay.deliveries).as("nobody heard of the join").isEmpty();
    }
}
