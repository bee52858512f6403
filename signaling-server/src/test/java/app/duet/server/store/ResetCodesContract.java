package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.ResetCodes.StoredResetCode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ResetCodes} must do. */
abstract class ResetCodesContract extends StoreContract {
    private static final Instant EXPIRES = T0.plusSeconds(900);

    private ResetCodes codes() {
        return stores().resetCodes();
    }

    @BeforeEach
    void accounts() {
        StoreFixtures.accounts(stores(), "ola", "pia");
    }

    @Test
    void storedCodeIsFoundByUsername() {
        StoredResetCode code = new StoredResetCode("ola", "code-hash", EXPIRES, 5);

        codes().put(code);

        assertThat(codes().find("ola")).contains(code);
        assertThat(codes().find("pia")).isEmpty();
    }

    @Test
    void aNewCodeReplacesTheEarlierOne() {
        codes().put(new StoredResetCode("ola", "first", EXPIRES, 1));
        StoredResetCode second = new StoredResetCode("ola", "second", EXPIRES.plusSeconds(60), 5);

        codes().put(second);

        assertThat(codes().find("ola")).contains(second);
    }

    @Test
    void anExpiredCodeIsKeptAsStoredForTheServiceToRefuse() {
        StoredResetCode expired = new StoredResetCode("ola", "code-hash", T0.minusSeconds(1), 5);

        codes().put(expired);

        assertThat(codes().find("ola")).contains(expired);
    }

    @Test
    void aCodeNeedsAnAccount() {
        assertThatThrownBy(() -> codes().put(new StoredResetCode("nobody", "code-hash", EXPIRES, 5)))
                .isInstanceOf(StoreException.class);
        assertThat(codes().find("nobody")).isEmpty();
    }

    @Test
    void attemptsCountDownForThatUserOnly() {
        codes().put(new StoredResetCode("ola", "o", EXPIRES, 5));
        codes().put(new StoredResetCode("pia", "p", EXPIRES, 5));

        codes().decrementAttempts("ola");
        codes().decrementAttempts("ola");
        codes().decrementAttempts("nobody");

        assertThat(codes().find("ola")).get().extracting(StoredResetCode::attemptsLeft).isEqualTo(3);
        assertThat(codes().find("pia")).get().extracting(StoredResetCode::attemptsLeft).isEqualTo(5);
        assertThat(codes().find("nobody")).isEmpty();
    }

    @Test
    void deleteRemovesTheCodeAndAMissingOneIsNoError() {
        codes().put(new StoredResetCode("ola", "o", EXPIRES, 5));

        codes().delete("ola");
        codes().delete("ola");

        assertThat(codes().find("ola")).isEmpty();
    }
}
