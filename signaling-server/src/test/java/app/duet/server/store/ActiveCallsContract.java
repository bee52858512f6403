package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.ActiveCalls.StoredCall;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ActiveCalls} must do. */
abstract class ActiveCallsContract extends StoreContract {
    private ActiveCalls calls() {
        return stores().activeCalls();
    }

    private static StoredCall call(String id, String channel, Instant acceptedAt) {
        return new StoredCall(id, channel, new Side("ola", "session-ola"), new Side("pia", "session-pia"), "video",
                acceptedAt);
    }

    @BeforeEach
    void channels() {
        StoreFixtures.accounts(stores(), "ola", "pia");
        stores().channels().create("talk", "ola", T0, StoreFixtures.MAX_OWNED);
        stores().channels().addMember("talk", "pia", T0, StoreFixtures.MAX_MEMBERS);
        stores().channels().create("more", "ola", T0, StoreFixtures.MAX_OWNED);
    }

    @Test
    void noCallsAtFirst() {
        assertThat(calls().loadAll()).isEmpty();
    }

    @Test
    void callsComeBackInTheOrderTheyWereAccepted() {
        StoredCall later = call("a-later", "talk", T0.plusSeconds(5));
        StoredCall first = call("z-first", "more", T0);
        StoredCall sameTime = call("b-same-time", "talk", T0.plusSeconds(5));

        calls().add(later);
        calls().add(first);
        calls().add(sameTime);

        assertThat(calls().loadAll()).containsExactly(first, later, sameTime);
    }

    @Test
    void anIdIsStoredOnce() {
        calls().add(call("c1", "talk", T0));

        assertThatThrownBy(() -> calls().add(call("c1", "more", T0.plusSeconds(1)))).isInstanceOf(StoreException.class);
        assertThat(calls().loadAll()).containsExactly(call("c1", "talk", T0));
    }

    @Test
    void aCallNeedsItsChannelAndAccounts() {
        assertThatThrownBy(() -> calls().add(call("c1", "gone", T0))).isInstanceOf(StoreException.class);
        StoredCall strangers = new StoredCall("c2", "talk", new Side("nobody", "s"), new Side("pia", "s"), "audio", T0);
        assertThatThrownBy(() -> calls().add(strangers)).isInstanceOf(StoreException.class);

        assertThat(calls().loadAll()).isEmpty();
    }

    @Test
    void removeTakesOnlyThatCallAndAMissingOneIsNoError() {
        calls().add(call("c1", "talk", T0));
        calls().add(call("c2", "more", T0));

        calls().remove("c1");
        calls().remove("c1");

        assertThat(calls().loadAll()).containsExactly(call("c2", "more", T0));
    }
}
