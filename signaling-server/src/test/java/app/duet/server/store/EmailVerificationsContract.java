package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static app.duet.server.store.StoreFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.Accounts.CreateOutcome;
import app.duet.server.store.EmailVerifications.PendingCode;
import app.duet.server.store.EmailVerifications.Replaced;
import app.duet.server.store.RegistrationInvites.Invite;
import org.junit.jupiter.api.Test;

/** What every {@link EmailVerifications} must do, with {@link Accounts#createUnverified}. */
abstract class EmailVerificationsContract extends StoreContract {
    private static PendingCode code(String username, String hash) {
        return new PendingCode(username, hash, T0, T0.plusSeconds(1800), 5);
    }

    private EmailVerifications verifications() {
        return stores().emailVerifications();
    }

    @Test
    void anUnverifiedAccountIsStoredWithItsCodeAndVerifiedOnceByThatCode() {
        assertThat(stores().accounts().createUnverified(account("ola"), null, code("ola", "h1"), T0))
                .isEqualTo(CreateOutcome.CREATED);
        assertThat(verifications().find("ola")).contains(code("ola", "h1"));

        verifications().failedAttempt("ola");
        assertThat(verifications().find("ola").orElseThrow().attemptsLeft()).isEqualTo(4);
        assertThat(verifications().verified("ola", "wrong")).isFalse();
        assertThat(verifications().verified("ola", "h1")).isTrue();
        assertThat(verifications().verified("ola", "h1")).as("single use").isFalse();
        assertThat(verifications().find("ola")).isEmpty();
        assertThat(verifications().replace(code("ola", "h2"), null)).isEqualTo(Replaced.NOT_WAITING);
    }

    @Test
    void aTakenNameOrAddressOrABadInviteStoresNeitherAccountNorCode() {
        StoreFixtures.accounts(stores(), "ola");
        assertThat(stores().accounts().createUnverified(account("ola"), null, code("ola", "h1"), T0))
                .isEqualTo(CreateOutcome.USERNAME_TAKEN);
        assertThat(verifications().find("ola")).as("a made account counts as verified").isEmpty();

        assertThat(stores().accounts().createUnverified(account("pia"), "no-such-invite", code("pia", "h1"), T0))
                .isEqualTo(CreateOutcome.INVITE_INVALID);
        assertThat(stores().accounts().findByUsername("pia")).isEmpty();
        assertThat(verifications().find("pia")).isEmpty();

        stores().invites().create(new Invite("i1", 1, 0, T0, T0.plusSeconds(3600), null), "invite-hash");
        assertThat(stores().accounts().createUnverified(account("pia"), "invite-hash", code("pia", "h1"), T0))
                .isEqualTo(CreateOutcome.CREATED);
        assertThat(stores().invites().find("i1").orElseThrow().uses()).isEqualTo(1);
    }

    @Test
    void aNewCodeReplacesTheOldAndMayCorrectTheAddress() {
        StoreFixtures.accounts(stores(), "kim");
        stores().accounts().createUnverified(account("ola"), null, code("ola", "h1"), T0);

        assertThat(verifications().replace(code("ola", "h2"), "KIM@example.org")).isEqualTo(Replaced.EMAIL_TAKEN);
        assertThat(verifications().find("ola")).contains(code("ola", "h1"));

        PendingCode later = new PendingCode("ola", "h3", T0.plusSeconds(60), T0.plusSeconds(1860), 5);
        assertThat(verifications().replace(later, "Ola.New@example.org")).isEqualTo(Replaced.REPLACED);
        assertThat(verifications().find("ola")).contains(later);
        assertThat(stores().accounts().findByUsername("ola").orElseThrow().email()).isEqualTo("ola.new@example.org");
        assertThat(verifications().replace(code("nobody", "h4"), null)).isEqualTo(Replaced.NOT_WAITING);
    }

    @Test
    void aDeletedAccountTakesItsCodeWithIt() {
        stores().accounts().createUnverified(account("ola"), null, code("ola", "h1"), T0);
        stores().accountAdmin().delete("ola", T0);
        assertThat(verifications().find("ola")).isEmpty();
    }
}
