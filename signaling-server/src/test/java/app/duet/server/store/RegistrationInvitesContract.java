package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static app.duet.server.store.StoreFixtures.account;
import static app.duet.server.store.StoreFixtures.accounts;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.Accounts.CreateOutcome;
import app.duet.server.store.RegistrationInvites.Invite;
import app.duet.server.store.RegistrationInvites.State;
import org.junit.jupiter.api.Test;

/** What every {@link RegistrationInvites} must do, with {@link Accounts#createWithInvite}. */
abstract class RegistrationInvitesContract extends StoreContract {
    private static final Invite TWO_USES = new Invite("i1", 2, 0, T0, T0.plusSeconds(3600), null);

    private RegistrationInvites invites() {
        return stores().invites();
    }

    @Test
    void anInviteAllowsItsUsesAndNoMore() {
        invites().create(TWO_USES, "hash-1");

        assertThat(stores().accounts().createWithInvite(account("ola"), "hash-1", T0)).isEqualTo(CreateOutcome.CREATED);
        assertThat(stores().accounts().createWithInvite(account("pia"), "hash-1", T0)).isEqualTo(CreateOutcome.CREATED);
        assertThat(stores().accounts().createWithInvite(account("kai"), "hash-1", T0)).isEqualTo(CreateOutcome.INVITE_INVALID);

        assertThat(stores().accounts().findByUsername("kai")).isEmpty();
        assertThat(invites().find("i1").orElseThrow().state(T0)).isEqualTo(State.USED_UP);
    }

    @Test
    void aRefusedSignUpUsesNothing() {
        accounts(stores(), "ola");
        invites().create(TWO_USES, "hash-1");

        assertThat(stores().accounts().createWithInvite(account("ola"), "hash-1", T0)).isEqualTo(CreateOutcome.USERNAME_TAKEN);

        assertThat(invites().find("i1").orElseThrow().uses()).isZero();
    }

    @Test
    void expiredRevokedAndUnknownInvitesAreRefused() {
        invites().create(TWO_USES, "hash-1");
        invites().create(new Invite("i2", 1, 0, T0, T0.plusSeconds(3600), null), "hash-2");

        assertThat(stores().accounts().createWithInvite(account("ola"), "hash-1", T0.plusSeconds(3600)))
                .isEqualTo(CreateOutcome.INVITE_INVALID);
        assertThat(invites().revoke("i2", T0)).isTrue();
        assertThat(invites().revoke("i2", T0.plusSeconds(9))).isTrue();
        assertThat(stores().accounts().createWithInvite(account("ola"), "hash-2", T0)).isEqualTo(CreateOutcome.INVITE_INVALID);
        assertThat(stores().accounts().createWithInvite(account("ola"), "hash-3", T0)).isEqualTo(CreateOutcome.INVITE_INVALID);

        assertThat(invites().find("i1").orElseThrow().state(T0.plusSeconds(3600))).isEqualTo(State.EXPIRED);
        assertThat(invites().find("i2").orElseThrow().revokedAt()).isEqualTo(T0);
        assertThat(invites().revoke("nope", T0)).isFalse();
        assertThat(stores().accounts().list()).isEmpty();
    }

    @Test
    void listIsNewestFirst() {
        invites().create(TWO_USES, "hash-1");
        invites().create(new Invite("i2", 1, 0, T0.plusSeconds(1), T0.plusSeconds(3600), null), "hash-2");

        assertThat(invites().list()).extracting(Invite::id).containsExactly("i2", "i1");
    }
}
