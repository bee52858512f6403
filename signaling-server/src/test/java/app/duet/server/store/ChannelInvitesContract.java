package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.ChannelInvites.Outcome;
import app.duet.server.store.ChannelInvites.StoredInvite;
import app.duet.server.store.ChannelInvites.Use;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChannelInvites} must do: the invite rules hold in the database, for every node on it. */
abstract class ChannelInvitesContract extends StoreContract {
    private static final Instant HOUR = T0.plusSeconds(3600);

    private ChannelInvites invites() {
        return stores().channelInvites();
    }

    private static StoredInvite invite(String id, String channel, int maxUses, Instant createdAt, Instant expiresAt) {
        return new StoredInvite(id, channel, "hash-" + id, maxUses, 0, createdAt, expiresAt, false);
    }

    @BeforeEach
    void channels() {
        StoreFixtures.accounts(stores(), "ola", "pia");
        stores().channels().create("room", "ola", T0, StoreFixtures.MAX_OWNED);
        stores().channels().create("other", "pia", T0, StoreFixtures.MAX_OWNED);
    }

    @Test
    void anInviteLetsItsUsesInThenSaysItIsUsedUpAndOnlyForItsChannel() {
        assertThat(invites().add(invite("i1", "room", 2, T0, HOUR), 20, 50, T0)).isTrue();

        assertThat(invites().use("other", "hash-i1", T0)).isEqualTo(new Use(Outcome.UNKNOWN, null));
        assertThat(invites().use("room", "hash-i1", T0)).isEqualTo(new Use(Outcome.USED, "i1"));
        assertThat(invites().usable("room", T0)).extracting(StoredInvite::uses).containsExactly(1);
        assertThat(invites().use("room", "hash-i1", T0)).isEqualTo(new Use(Outcome.USED, "i1"));
        assertThat(invites().use("room", "hash-i1", T0)).isEqualTo(new Use(Outcome.USED_UP, "i1"));
        assertThat(invites().usable("room", T0)).isEmpty();

        invites().giveBack("i1");
        assertThat(invites().usable("room", T0)).extracting(StoredInvite::uses).containsExactly(1);
        assertThat(invites().use("room", "hash-nope", T0).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void expiredAndRevokedInvitesSayWhichAndRevokingNeedsTheRightChannel() {
        invites().add(invite("i1", "room", 5, T0, HOUR), 20, 50, T0);
        invites().add(invite("i2", "room", 5, T0, HOUR.plusSeconds(3600)), 20, 50, T0);

        assertThat(invites().use("room", "hash-i1", HOUR).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(invites().revoke("other", "i2", T0)).isFalse();
        assertThat(invites().revoke("room", "i2", T0)).isTrue();
        assertThat(invites().revoke("room", "i2", HOUR)).isTrue();
        assertThat(invites().revoke("room", "i-none", T0)).isFalse();
        assertThat(invites().use("room", "hash-i2", T0).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(invites().usable("room", T0)).extracting(StoredInvite::id).containsExactly("i1");
    }

    @Test
    void theUsableOnesComeNewestFirstAndTheLiveLimitHolds() {
        for (int i = 0; i < 3; i++) {
            assertThat(invites().add(invite("i" + i, "room", 1, T0.plusSeconds(i), HOUR), 3, 50, T0)).isTrue();
        }
        assertThat(invites().add(invite("late", "room", 1, T0, HOUR), 3, 50, T0)).isFalse();
        assertThat(invites().add(invite("there", "other", 1, T0, HOUR), 3, 50, T0)).as("another channel's limit").isTrue();
        assertThat(invites().usable("room", T0)).extracting(StoredInvite::id).containsExactly("i2", "i1", "i0");

        invites().use("room", "hash-i0", T0);
        assertThat(invites().add(invite("late", "room", 1, T0, HOUR), 3, 50, T0)).as("a spent one makes room").isTrue();
    }

    @Test
    void theOldestSpentInvitesAreForgottenToKeepTheChannelUnderItsLimit() {
        for (int i = 0; i < 4; i++) {
            invites().add(invite("s" + i, "room", 1, T0.plusSeconds(i), HOUR), 20, 5, T0);
            invites().revoke("room", "s" + i, T0);
        }
        invites().add(invite("live", "room", 1, T0.plusSeconds(9), HOUR), 20, 5, T0);
        assertThat(invites().use("room", "hash-s0", T0).outcome()).as("kept: 5 in all").isEqualTo(Outcome.REVOKED);

        invites().add(invite("new", "room", 1, T0.plusSeconds(10), HOUR), 20, 5, T0);

        assertThat(invites().use("room", "hash-s0", T0).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(invites().use("room", "hash-s1", T0).outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(invites().usable("room", T0)).extracting(StoredInvite::id).containsExactly("new", "live");
    }

    @Test
    void aDeletedChannelTakesItsInvitesWithIt() {
        invites().add(invite("i1", "room", 1, T0, HOUR), 20, 50, T0);
        stores().channels().delete("room");
        assertThat(invites().use("room", "hash-i1", T0).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void joinsAtTheSameMomentTakeNoMoreUsesThanTheInviteHas() throws Exception {
        invites().add(invite("i1", "room", 3, T0, HOUR), 20, 50, T0);
        ExecutorService joiners = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return invites().use("room", "hash-i1", T0).outcome();
                }, joiners));
            }
            go.countDown();
            assertThat(outcomes.stream().map(CompletableFuture::join).toList())
                    .containsOnly(Outcome.USED, Outcome.USED_UP).filteredOn(o -> o == Outcome.USED).hasSize(3);
        } finally {
            joiners.shutdownNow();
        }
    }
}
