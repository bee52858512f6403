package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.server.channels.ChannelRegistryTest.NoStore;
import app.duet.server.channels.ChannelRegistryTest.RecordingRelay;
import app.duet.server.store.ActiveCalls;
import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Active calls written through to the store and read back at start, on a virtual clock: which calls are
 * stored, and how a restored call waits for its two sides.
 */
class RestoredCallsTest {
    /** The store, in memory, in insertion order. */
    static final class MemoryActiveCalls implements ActiveCalls {
        final Map<String, StoredCall> calls = new LinkedHashMap<>();

        @Override public synchronized List<StoredCall> loadAll() { return new ArrayList<>(calls.values()); }
        @Override public synchronized void add(StoredCall call) { calls.put(call.id(), call); }
        @Override public synchronized void remove(String callId) { calls.remove(callId); }
    }

    static final Duration GRACE_AFTER_RESTART = Duration.ofSeconds(60);
    static final StoredChannel ROOM = new StoredChannel("room", "ann",
            List.of(new Member("ann", "Ann"), new Member("bob", "Bob")));

    final Actor ann = new Actor("ann", "Ann", "s-ann", "c-ann");
    final Actor bob = new Actor("bob", "Bob", "s-bob", "c-bob");
    final MemoryActiveCalls store = new MemoryActiveCalls();
    final RecordingRelay relay = new RecordingRelay();
    final ManualTimers timers = new ManualTimers();

    @BeforeEach
    void everyoneOnline() {
        relay.onlineUsers.addAll(Set.of("ann", "bob"));
        relay.connectedSessions.addAll(Set.of("s-ann", "s-bob"));
    }

    @Test
    void onlyAcceptedCallsAreStoredAndEveryEndDeletesThem() {
        ChannelRegistry registry = start(ROOM);
        String declined = registry.ring(ann, "room", Media.AUDIO, null);
        assertThat(store.calls).isEmpty();
        registry.decline(bob, declined);

        String call = registry.ring(ann, "room", Media.VIDEO, null);
        registry.accept(bob, call);
        assertThat(store.calls.values()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(call);
            assertThat(stored.channel()).isEqualTo("room");
            assertThat(stored.caller()).isEqualTo(new Side("ann", "s-ann"));
            assertThat(stored.callee()).isEqualTo(new Side("bob", "s-bob"));
            assertThat(stored.media()).isEqualTo("video");
        });
        registry.hangup(ann, call);
        assertThat(store.calls).isEmpty();

        // Glare: two rings merged into one call count as accepted.
        String merged = registry.ring(ann, "room", Media.AUDIO, null);
        assertThat(registry.ring(bob, "room", Media.AUDIO, null)).isEqualTo(merged);
        assertThat(store.calls).containsOnlyKeys(merged);
        registry.sessionEnded("s-bob");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void aRestoredCallGoesOnWhenBothSidesResumeWithinTheGrace() {
        String call = acceptedThenRestarted();
        ChannelRegistry registry = start(ROOM);
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);

        timers.advance(GRACE_AFTER_RESTART.minusSeconds(1));
        assertThat(registry.sessionResumed(ann)).hasValueSatisfying(info -> {
            assertThat(info.callId()).isEqualTo(call);
            assertThat(info.caller()).isTrue();
        });
        assertThat(registry.sessionResumed(bob)).hasValueSatisfying(info -> assertThat(info.caller()).isFalse());
        timers.advance(GRACE_AFTER_RESTART.multipliedBy(2));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
        registry.relay(bob, call, from -> RecordingRelay.frame(new Event.Offer(call, from, "sdp")));
        assertThat(relay.to("session:s-ann")).containsExactly(new Event.Offer(call, "bob", "sdp"));
        assertThat(store.calls).containsOnlyKeys(call);
    }

    @Test
    void aRestoredCallEndsWhenOneSideDoesNotResumeInTime() {
        String call = acceptedThenRestarted();
        relay.connectedSessions.remove("s-bob");
        ChannelRegistry registry = start(ROOM);
        assertThat(registry.sessionResumed(ann)).isPresent();

        timers.advance(GRACE_AFTER_RESTART.minusMillis(1));
        assertThat(registry.callCount(CallState.ACTIVE)).isEqualTo(1);
        timers.advance(Duration.ofMillis(1));
        assertThat(registry.callCount(CallState.ACTIVE)).isZero();
        assertThat(relay.to("session:s-ann")).containsExactly(new Event.CallEnded(call, EndReason.DISCONNECTED));
        assertThat(store.calls).isEmpty();
        assertThat(registry.sessionResumed(bob)).isEmpty();
    }

    @Test
    void aStoredCallWhoseChannelMemberOrMediaIsGoneIsDropped() {
        Instant at = Instant.EPOCH;
        store.add(new ActiveCalls.StoredCall("no-channel", "gone", new Side("ann", "s-ann"), new Side("bob", "s-bob"),
                "audio", at));
        store.add(new ActiveCalls.StoredCall("no-member", "room", new Side("ann", "s-ann"), new Side("cat", "s-cat"),
                "audio", at));
        store.add(new ActiveCalls.StoredCall("no-media", "room", new Side("ann", "s-ann"), new Side("bob", "s-bob"),
                "hologram", at));
        ChannelRegistry registry = start(ROOM);
        assertThat(registry.callCount(CallState.ACTIVE)).isZero();
        assertThat(store.calls).isEmpty();
        assertThat(registry.sessionResumed(ann)).isEmpty();
    }

    /** An accepted call on a first "server", which then stops (its timers die with it). */
    private String acceptedThenRestarted() {
        ChannelRegistry before = new ChannelRegistry(new FixedChannels(ROOM), store, new RecordingHistory(), Runnable::run, relay,
                new ManualTimers(), Clock.systemUTC(), timeouts());
        before.load();
        String call = before.ring(ann, "room", Media.VIDEO, null);
        before.accept(bob, call);
        relay.deliveries.clear();
        return call;
    }

    private ChannelRegistry start(StoredChannel... channels) {
        ChannelRegistry registry = new ChannelRegistry(new FixedChannels(channels), store, new RecordingHistory(), Runnable::run, relay,
                timers, Clock.systemUTC(), timeouts());
        registry.load();
        return registry;
    }

    private static CallTimeouts timeouts() {
        return new CallTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(30), GRACE_AFTER_RESTART);
    }

    /** Channels as a store would load them; changes are not kept. */
    static final class FixedChannels extends NoStore {
        private final List<StoredChannel> channels;

        FixedChannels(StoredChannel... channels) {
            this.channels = List.of(channels);
        }

        @Override
        public List<StoredChannel> loadAll() {
            return channels;
        }
    }
}
