package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Channels} must do. */
abstract class ChannelsContract extends StoreContract {
    private static final Member OLA = new Member("ola", "Name of ola");
    private static final Member PIA = new Member("pia", "Name of pia");

    private Channels channels() {
        return stores().channels();
    }

    @BeforeEach
    void accounts() {
        StoreFixtures.accounts(stores(), "ola", "pia", "kim");
    }

    @Test
    void noChannelsAtFirst() {
        assertThat(channels().loadAll()).isEmpty();
    }

    @Test
    void createdChannelHasItsOwnerAsFirstMemberAndChannelsComeByName() {
        channels().create("zeta", "pia", T0);
        channels().create("alpha", "ola", T0);

        assertThat(channels().loadAll()).containsExactly(
                new StoredChannel("alpha", "ola", List.of(OLA)),
                new StoredChannel("zeta", "pia", List.of(PIA)));
    }

    @Test
    void aNameIsTakenOnce() {
        channels().create("talk", "ola", T0);

        assertThatThrownBy(() -> channels().create("talk", "pia", T0)).isInstanceOf(StoreException.class);
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    @Test
    void aChannelOfAMissingOwnerIsNotStoredAtAll() {
        assertThatThrownBy(() -> channels().create("talk", "nobody", T0)).isInstanceOf(StoreException.class);

        assertThat(channels().loadAll()).isEmpty();
    }

    @Test
    void membersComeInJoiningOrderAndJoiningTwiceChangesNothing() {
        channels().create("talk", "pia", T0);
        channels().addMember("talk", "ola", T0.plusSeconds(1));
        channels().addMember("talk", "ola", T0.plusSeconds(2));

        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "pia", List.of(PIA, OLA)));
    }

    @Test
    void membersJoiningInTheSameMillisecondKeepTheirOrder() {
        channels().create("talk", "pia", T0);
        channels().addMember("talk", "ola", T0);
        channels().addMember("talk", "kim", T0);

        assertThat(channels().loadAll().get(0).members()).extracting(Member::username)
                .containsExactly("pia", "ola", "kim");
    }

    @Test
    void joiningAMissingChannelOrAsAMissingAccountFails() {
        channels().create("talk", "ola", T0);

        assertThatThrownBy(() -> channels().addMember("gone", "pia", T0)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> channels().addMember("talk", "nobody", T0)).isInstanceOf(StoreException.class);
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    @Test
    void removedMemberIsGoneAndAChannelMayBeLeftEmpty() {
        channels().create("talk", "ola", T0);
        channels().addMember("talk", "pia", T0);

        channels().removeMember("talk", "ola");
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(PIA)));

        channels().removeMember("talk", "pia");
        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of()));
    }

    @Test
    void removingAMissingMemberChangesNothing() {
        channels().create("talk", "ola", T0);

        channels().removeMember("talk", "pia");
        channels().removeMember("gone", "ola");

        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "ola", List.of(OLA)));
    }

    @Test
    void ownerCanBeHandedOn() {
        channels().create("talk", "ola", T0);
        channels().addMember("talk", "pia", T0);

        channels().setOwner("talk", "pia");
        channels().setOwner("gone", "pia");

        assertThat(channels().loadAll()).containsExactly(new StoredChannel("talk", "pia", List.of(OLA, PIA)));
    }

    @Test
    void deleteTakesMembersAndActiveCallsWithIt() {
        channels().create("talk", "ola", T0);
        channels().addMember("talk", "pia", T0);
        channels().create("other", "kim", T0);
        stores().activeCalls().add(new StoredCall("c1", "talk", new Side("ola", "s1"), new Side("pia", "s2"), "audio", T0));

        channels().delete("talk");
        channels().delete("gone");

        assertThat(channels().loadAll()).extracting(StoredChannel::name).containsExactly("other");
        assertThat(stores().activeCalls().loadAll()).isEmpty();
        channels().create("talk", "pia", T0);
        assertThat(channels().loadAll()).contains(new StoredChannel("talk", "pia", List.of(PIA)));
    }
}
