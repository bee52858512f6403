package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.PendingJoins.Added;
import app.duet.server.store.PendingJoins.Asker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PendingJoins} must do. */
abstract class PendingJoinsContract extends StoreContract {
    private PendingJoins pending() {
        return stores().pendingJoins();
    }

    @BeforeEach
    void channels() {
        StoreFixtures.accounts(stores(), "ola", "pia", "kim", "eve");
        stores().channels().create("room", "ola", T0, StoreFixtures.MAX_OWNED);
        stores().channels().create("other", "ola", T0, StoreFixtures.MAX_OWNED);
    }

    @Test
    void requestsComeInTheOrderAskedOnceEachAndUpToTheLimit() {
        assertThat(pending().add("room", "pia", T0, 2)).isEqualTo(Added.ADDED);
        assertThat(pending().add("room", "kim", T0, 2)).isEqualTo(Added.ADDED);
        assertThat(pending().add("room", "pia", T0.plusSeconds(1), 2)).isEqualTo(Added.ALREADY_WAITING);
        assertThat(pending().add("room", "eve", T0, 2)).isEqualTo(Added.FULL);
        assertThat(pending().add("other", "eve", T0, 2)).isEqualTo(Added.ADDED);

        assertThat(pending().list("room")).containsExactly(new Asker("pia", "Name of pia"), new Asker("kim", "Name of kim"));
        assertThat(pending().list("other")).containsExactly(new Asker("eve", "Name of eve"));
    }

    @Test
    void aRequestIsTakenOnce() {
        pending().add("room", "pia", T0, 10);

        assertThat(pending().take("room", "pia")).contains(new Asker("pia", "Name of pia"));
        assertThat(pending().take("room", "pia")).isEmpty();
        assertThat(pending().take("room", "kim")).isEmpty();
        assertThat(pending().list("room")).isEmpty();
    }

    @Test
    void aDeletedChannelOrAccountTakesItsRequestsWithIt() {
        pending().add("room", "pia", T0, 10);
        pending().add("other", "kim", T0, 10);

        stores().channels().delete("room");
        stores().accountAdmin().delete("kim", T0);

        assertThat(pending().list("room")).isEmpty();
        assertThat(pending().list("other")).isEmpty();
    }
}
