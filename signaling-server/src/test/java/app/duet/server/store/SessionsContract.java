package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.Sessions.StoredSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Sessions} must do. */
abstract class SessionsContract extends StoreContract {
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(30));

    private Sessions sessions() {
        return stores().sessions();
    }

    private static StoredSession session(String hash, String username, Instant expiresAt) {
        return new StoredSession(hash, username, T0, expiresAt);
    }

    @BeforeEach
    void accounts() {
        StoreFixtures.accounts(stores(), "ola", "pia");
    }

    @Test
    void createdSessionIsFoundByItsHash() {
        sessions().create(session("h1", "ola", EXPIRES));

        assertThat(sessions().find("h1")).contains(session("h1", "ola", EXPIRES));
        assertThat(sessions().find("h2")).isEmpty();
    }

    @Test
    void aHashIsStoredOnce() {
        sessions().create(session("h1", "ola", EXPIRES));

        assertThatThrownBy(() -> sessions().create(session("h1", "pia", EXPIRES.plusSeconds(1))))
                .isInstanceOf(StoreException.class);
        assertThat(sessions().find("h1")).contains(session("h1", "ola", EXPIRES));
    }

    @Test
    void aSessionNeedsAnAccount() {
        assertThatThrownBy(() -> sessions().create(session("h1", "nobody", EXPIRES)))
                .isInstanceOf(StoreException.class);
        assertThat(sessions().find("h1")).isEmpty();
    }

    @Test
    void extendMovesTheExpiryOfAnExistingSessionOnly() {
        sessions().create(session("h1", "ola", EXPIRES));
        Instant later = EXPIRES.plus(Duration.ofDays(1));

        assertThat(sessions().extend("h1", later)).isTrue();
        assertThat(sessions().extend("missing", later)).isFalse();

        assertThat(sessions().find("h1")).contains(session("h1", "ola", later));
        assertThat(sessions().find("missing")).isEmpty();
    }

    @Test
    void deleteSaysWhetherThereWasASession() {
        sessions().create(session("h1", "ola", EXPIRES));

        assertThat(sessions().delete("h1")).isTrue();
        assertThat(sessions().delete("h1")).isFalse();
        assertThat(sessions().find("h1")).isEmpty();
    }

    @Test
    void deleteAllOfKeepsOneSessionAndOtherUsers() {
        sessions().create(session("o1", "ola", EXPIRES));
        sessions().create(session("o2", "ola", EXPIRES));
        sessions().create(session("o3", "ola", EXPIRES));
        sessions().create(session("p1", "pia", EXPIRES));

        assertThat(sessions().deleteAllOf("ola", "o2")).containsExactlyInAnyOrder("o1", "o3");

        assertThat(sessions().find("o1")).isEmpty();
        assertThat(sessions().find("o2")).isPresent();
        assertThat(sessions().find("o3")).isEmpty();
        assertThat(sessions().find("p1")).isPresent();
    }

    @Test
    void deleteAllOfWithoutKeepDeletesEverySessionOfTheUser() {
        sessions().create(session("o1", "ola", EXPIRES));
        sessions().create(session("o2", "ola", EXPIRES));

        assertThat(sessions().deleteAllOf("ola", null)).containsExactlyInAnyOrder("o1", "o2");
        assertThat(sessions().deleteAllOf("ola", null)).isEmpty();
        assertThat(sessions().deleteAllOf("nobody", null)).isEmpty();
    }

    @Test
    void listOfGivesTheUsersNewestSessionsFirstUpToTheLimit() {
        for (int i = 1; i <= 3; i++) {
            sessions().create(new StoredSession("o" + i, "ola", T0.plusSeconds(i), EXPIRES));
        }
        sessions().create(session("p1", "pia", EXPIRES));

        assertThat(sessions().listOf("ola", 2)).extracting(StoredSession::tokenHash).containsExactly("o3", "o2");
        assertThat(sessions().listOf("ola", 10)).hasSize(3);
        assertThat(sessions().listOf("nobody", 10)).isEmpty();
    }

    @Test
    void deleteExpiredRemovesSessionsExpiringUpToNow() {
        Instant now = T0.plus(Duration.ofDays(1));
        sessions().create(session("past", "ola", now.minusMillis(1)));
        sessions().create(session("now", "ola", now));
        sessions().create(session("future", "pia", now.plusMillis(1)));

        assertThat(sessions().deleteExpired(now)).isEqualTo(2);

        assertThat(sessions().find("past")).isEmpty();
        assertThat(sessions().find("now")).isEmpty();
        assertThat(sessions().find("future")).isPresent();
        assertThat(sessions().deleteExpired(now)).isZero();
    }
}
