package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;
import app.duet.server.channels.ChannelRegistryTest.NoActiveCalls;
import app.duet.server.channels.ChannelRegistryTest.NoStore;
import app.duet.server.channels.ChannelRegistryTest.RecordingRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account change applied by a node that did not claim it (another node tells the members): its copy of the
 * channels changes all the same, without events or writes, and the account's calls still end for both sides
 * (a shared decision, which this node may be the one to make); the node that claimed it tells each member once.
 */
class AccountChangeTellingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ChannelTable.Admission ANYONE = (channel, out) -> { };

    private final Actor ann = new Actor("ann", "Ann", "s-ann", "c-ann");
    private final Actor bob = new Actor("bob", "Bob", "s-bob", "c-bob");
    private final RecordingRelay relay = new RecordingRelay();
    /** The leaves written through to the store, as channel/username. */
    private final List<String> leavesStored = new CopyOnWriteArrayList<>();
    private ChannelRegistry registry;

    @BeforeEach
    void setUp() {
        NoStore store = new NoStore() {
            @Override
            public void leave(String name, String username) {
                leavesStored.add(name + "/" + username);
            }
        };
        registry = new ChannelRegistry(store, new NoActiveCalls(), new RecordingHistory(), Runnable::run, relay,
                new ManualTimers(), Clock.systemUTC(), new CallTimeouts(TIMEOUT, TIMEOUT, TIMEOUT));
        relay.onlineUsers.addAll(Set.of("ann", "bob"));
        relay.connectedSessions.addAll(Set.of("s-ann", "s-bob"));
        registry.create(ann, "room");
        registry.join(bob, "room", ANYONE);
        relay.deliveries.clear();
    }

    @Test
    void aRenameNotClaimedChangesTheCopyOnly() {
        registry.renamed("ann", "Ann Renamed", false);

        assertThat(relay.deliveries).isEmpty();
        assertThat(onlyChannelOf(bob).members()).extracting(MemberInfo::displayName).containsExactly("Ann Renamed", "Bob");
    }

    @Test
    void aRenameClaimedReachesTheUserAndTheMemberOnceEach() {
        registry.renamed("ann", "Ann Renamed", true);

        Event told = new Event.DisplayNameChanged(new UserInfo("ann", "Ann Renamed"));
        assertThat(relay.to("user:ann")).containsExactly(told);
        assertThat(relay.to("user:bob")).containsExactly(told);
    }

    @Test
    void aDeletionNotClaimedTakesTheAccountOutOfTheCopyOnlyAndStillEndsItsCall() {
        String call = registry.ring(ann, "room", Media.AUDIO, null);
        relay.deliveries.clear();

        registry.accountDeleted("ann", false);

        assertThat(relay.to("user:bob")).contains(new Event.CallEnded(call, EndReason.LEFT_CHANNEL))
                .noneMatch(e -> e instanceof Event.Presence);
        ChannelInfo handedOver = onlyChannelOf(bob);
        assertThat(handedOver.owner()).isEqualTo("bob");
        assertThat(handedOver.members()).extracting(MemberInfo::username).containsExactly("bob");
        assertThat(leavesStored).isEmpty();
    }

    @Test
    void aDeletionClaimedShowsTheMemberLeavingAndWritesTheLeave() {
        registry.accountDeleted("ann", true);

        assertThat(leavesStored).containsExactly("room/ann");
        assertThat(relay.to("user:bob")).containsExactly(
                new Event.Presence("room", new UserInfo("ann", "Ann"), PresenceState.LEFT));
    }

    private ChannelInfo onlyChannelOf(Actor actor) {
        return registry.list(actor).get(0);
    }
}
