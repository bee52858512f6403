package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.PrivateChannels.Loaded;
import app.duet.server.store.PrivateChannels.RemovedMember;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PrivateChannels} must do: removed members and locks, of every channel or of one. */
abstract class PrivateChannelsContract extends StoreContract {
    private PrivateChannels store() {
        return stores().privateChannels();
    }

    @BeforeEach
    void channels() {
        StoreFixtures.accounts(stores(), "ola", "pia", "kim");
        stores().channels().create("talk", "ola", T0, StoreFixtures.MAX_OWNED);
        stores().channels().create("other", "ola", T0, StoreFixtures.MAX_OWNED);
    }

    @Test
    void removalsAndLocksComeForEveryChannelOrForOne() {
        store().addRemoved("talk", "pia", T0);
        store().addRemoved("other", "kim", T0);
        store().setLocked("other", T0);

        Loaded all = store().loadAll();
        assertThat(all.removed()).containsExactlyInAnyOrder(new RemovedMember("talk", "pia"),
                new RemovedMember("other", "kim"));
        assertThat(all.locked()).containsExactly("other");
        assertThat(store().load("talk")).isEqualTo(new Loaded(List.of(new RemovedMember("talk", "pia")), List.of()));
        assertThat(store().load("other")).isEqualTo(new Loaded(List.of(new RemovedMember("other", "kim")),
                List.of("other")));
        assertThat(store().load("gone")).isEqualTo(new Loaded(List.of(), List.of()));
    }

    @Test
    void anUnlockedChannelAndALiftedRemovalAreGone() {
        store().addRemoved("talk", "pia", T0);
        store().setLocked("talk", T0);

        store().clearRemoved("talk", "pia");
        store().setLocked("talk", null);

        assertThat(store().load("talk")).isEqualTo(new Loaded(List.of(), List.of()));
    }

    /** As when the owner's channel was deleted on another node just before they removed the member. */
    @Test
    void removingFromAChannelThatIsGoneStoresNothing() {
        stores().channels().delete("talk");

        store().addRemoved("talk", "pia", T0);
        store().addRemoved("talk", "pia", T0.plusSeconds(1));

        assertThat(store().loadAll().removed()).isEmpty();
    }
}
