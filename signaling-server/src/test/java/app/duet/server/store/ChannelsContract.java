package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.Refusal;
import app.duet.server.store.Channels.StoredChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Channels} must do, including what keeps the stored channels whole when nodes decide on
 * copies: a join, a creation and a leave are checked against the stored channel in their transaction.
 */
abstract class ChannelsContract extends StoreContract {
    private static final Member OLA = new Member("ola", "Name of ola");
    private static final Member PIA = new Member("pia", "Name of pia");

    private Channels channels() {
        return stores().channels();
    }

    @BeforeEach
    void accounts() {
        StoreFixtures.accounts(stores(), "ola", "pia", "kim", "ray");
    }

    @Test
    void noChannelsAtFirst() {
        assertThat(channels().loadAll()).isEmpty();
    }

    @Test
    void createdChannelHasItsOwnerAsFirstMemberAndChannelsComeByName() {
        assertThat(create("zeta", "pia")).isEmpty();
        assertThat(create("alpha", "ola")).isEmpty();

        assertThat(channels().loadAll()).containsExactly(
                new StoredChannel("alpha", "ola", List.of(OLA)),
                new StoredChannel("zeta", "pia", List.of(PIA)));
        assertThat(channels().load("zeta")).contains(new StoredChannel("zeta", "pia", List.of(PIA)));
        assertThat(channels().load("gone")).isEmpty();
    }

    @Test
    void aNameIsTakenOnce() {
        create("talk", "ola");

        assertThat(create("talk", "pia")).contains(Refusal.NAME_TAKEN);
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    @Test
    void anOwnerOwnsAtMostTheLimit() {
        assertThat(channels().create("one", "ola", T0, 2)).isEmpty();
        assertThat(channels().create("two", "ola", T0, 2)).isEmpty();

        assertThat(channels().create("three", "ola", T0, 2)).contains(Refusal.OWNS_TOO_MANY);
        assertThat(channels().create("three", "pia", T0, 2)).isEmpty();
        assertThat(channels().loadAll()).extracting(StoredChannel::name).containsExactly("one", "three", "two");
    }

    @Test
    void aChannelOfAMissingOwnerIsNotStoredAtAll() {
        assertThatThrownBy(() -> create("talk", "nobody")).isInstanceOf(StoreException.class);

        assertThat(channels().loadAll()).isEmpty();
    }

    @Test
    void membersComeInJoiningOrderAndJoiningTwiceChangesNothing() {
        create("talk", "pia");
        assertThat(join("talk", "ola", T0.plusSeconds(1))).isEmpty();
        assertThat(join("talk", "ola", T0.plusSeconds(2))).isEmpty();

        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "pia", List.of(PIA, OLA)));
    }

    @Test
    void membersJoiningInTheSameMillisecondKeepTheirOrder() {
        channels().create("talk", "pia", T0, StoreFixtures.MAX_OWNED);
        channels().addMember("talk", "ola", T0, 3);
        channels().addMember("talk", "kim", T0, 3);

        assertThat(channels().loadAll().get(0).members()).extracting(Member::username)
                .containsExactly("pia", "ola", "kim");
    }

    @Test
    void aFullChannelRefusesAnotherMemberButNotOneAlreadyIn() {
        create("talk", "ola");
        join("talk", "pia", T0);

        assertThat(join("talk", "kim", T0)).contains(Refusal.FULL);
        assertThat(join("talk", "pia", T0)).isEmpty();
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA, PIA)));
    }

    @Test
    void aLockedChannelRefusesANewMember() {
        create("talk", "ola");
        stores().privateChannels().setLocked("talk", T0);

        assertThat(join("talk", "pia", T0)).contains(Refusal.LOCKED);
        assertThat(join("talk", "ola", T0)).as("a member joining again").isEmpty();
        stores().privateChannels().setLocked("talk", null);
        assertThat(join("talk", "pia", T0)).isEmpty();
    }

    @Test
    void joiningAMissingChannelIsRefusedAndAMissingAccountFails() {
        create("talk", "ola");

        assertThat(join("gone", "pia", T0)).contains(Refusal.NO_CHANNEL);
        assertThatThrownBy(() -> join("talk", "nobody", T0)).isInstanceOf(StoreException.class);
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    /** Two nodes' joins of one channel with one free place, at the same moment: one gets in, every time. */
    @Test
    void ofTwoJoinsAtOnceForTheLastPlaceOneGetsIn() throws Exception {
        ExecutorService joiners = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String name = "room-" + round;
                create(name, "ola");
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Optional<Refusal>>> joins = new ArrayList<>();
                for (String joiner : List.of("pia", "kim")) {
                    joins.add(CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return join(name, joiner, T0);
                    }, joiners));
                }
                go.countDown();

                assertThat(joins.stream().map(CompletableFuture::join)).as(name)
                        .containsExactlyInAnyOrder(Optional.empty(), Optional.of(Refusal.FULL));
                assertThat(channels().load(name).orElseThrow().members()).as(name).hasSize(2);
            }
        } finally {
            joiners.shutdownNow();
        }
    }

    @Test
    void aMemberLeavesAndAnOwnerWhoLeavesHandsTheChannelToTheEarliestMember() {
        create("talk", "ola");
        join("talk", "pia", T0.plusSeconds(1));

        channels().leave("talk", "pia");
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
        join("talk", "kim", T0.plusSeconds(2));
        channels().leave("talk", "ola");
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "kim",
                List.of(new Member("kim", "Name of kim"))));
    }

    /** As when both members leave at once on two nodes, each node's copy still holding the other. */
    @Test
    void theLastOneOutDeletesTheChannelWhoeverOwnedIt() {
        create("talk", "ola");
        join("talk", "pia", T0);

        channels().leave("talk", "pia");
        channels().leave("talk", "ola");

        assertThat(channels().loadAll()).isEmpty();
        assertThat(create("talk", "kim")).as("the name is free again").isEmpty();
    }

    @Test
    void leavingAsANonMemberOrAMissingChannelChangesNothing() {
        create("talk", "ola");

        channels().leave("talk", "pia");
        channels().leave("gone", "ola");

        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    @Test
    void deleteSaysWhoWasInAndTakesMembersAndActiveCallsWithIt() {
        create("talk", "ola");
        join("talk", "pia", T0);
        create("other", "kim");
        stores().activeCalls().add(new StoredCall("c1", "talk", new Side("ola", "s1"), new Side("pia", "s2"), "audio", T0));

        assertThat(channels().delete("talk")).containsExactly("ola", "pia");
        assertThat(channels().delete("gone")).isEmpty();

        assertThat(channels().loadAll()).extracting(StoredChannel::name).containsExactly("other");
        assertThat(stores().activeCalls().loadAll()).isEmpty();
        create("talk", "pia");
        assertThat(channels().loadAll()).contains(new StoredChannel("talk", "pia", List.of(PIA)));
    }

    private Optional<Refusal> create(String name, String owner) {
        return channels().create(name, owner, T0, StoreFixtures.MAX_OWNED);
    }

    private Optional<Refusal> join(String name, String username, Instant at) {
        return channels().addMember(name, username, at, StoreFixtures.MAX_MEMBERS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
