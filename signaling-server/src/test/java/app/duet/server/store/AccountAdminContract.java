package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static app.duet.server.store.StoreFixtures.accounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.duet.server.store.AccountAdmin.Deletion;
import app.duet.server.store.AccountChanges.Change;
import app.duet.server.store.AccountChanges.Kind;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Channels.StoredChannel;
import app.duet.server.store.Sessions.StoredSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link AccountAdmin} must do, and the {@link AccountChanges} it records. */
abstract class AccountAdminContract extends StoreContract {
    private AccountAdmin admin() {
        return stores().accountAdmin();
    }

    @Test
    void disablingEndsTheSessionsAndIsRecordedEnablingUndoesTheFlagOnly() {
        accounts(stores(), "ola", "pia");
        stores().sessions().create(new StoredSession("h1", "ola", T0, T0.plusSeconds(60)));
        stores().sessions().create(new StoredSession("h2", "pia", T0, T0.plusSeconds(60)));
        long before = stores().accountChanges().latest();

        assertThat(admin().disable("ola", T0.plusSeconds(1))).contains(1);

        assertThat(stores().accounts().findByUsername("ola").orElseThrow().disabledAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(stores().sessions().find("h1")).isEmpty();
        assertThat(stores().sessions().find("h2")).isPresent();
        assertThat(admin().enable("ola", T0.plusSeconds(2))).isTrue();
        assertThat(stores().accounts().findByUsername("ola").orElseThrow().disabled()).isFalse();
        assertThat(stores().accountChanges().after(before, 10)).extracting(Change::username, Change::kind)
                .containsExactly(tuple("ola", Kind.DISABLED),
                        tuple("ola", Kind.ENABLED));
    }

    @Test
    void deletingHandsOwnedChannelsOverOrDeletesThemAndLeavesNoRowOfTheUser() {
        accounts(stores(), "ola", "pia", "kai");
        Channels channels = stores().channels();
        channels.create("shared", "ola", T0, StoreFixtures.MAX_OWNED);
        channels.addMember("shared", "pia", T0.plusSeconds(1), StoreFixtures.MAX_MEMBERS);
        channels.create("alone", "ola", T0, StoreFixtures.MAX_OWNED);
        channels.create("theirs", "kai", T0, StoreFixtures.MAX_OWNED);
        channels.addMember("theirs", "ola", T0.plusSeconds(1), StoreFixtures.MAX_MEMBERS);
        stores().sessions().create(new StoredSession("h1", "ola", T0, T0.plusSeconds(60)));

        Deletion deletion = admin().delete("ola", T0.plusSeconds(5)).orElseThrow();

        assertThat(deletion).isEqualTo(new Deletion(List.of("shared"), List.of("alone"), 1));
        assertThat(stores().accounts().findByUsername("ola")).isEmpty();
        assertThat(channels.loadAll()).containsExactlyInAnyOrder(
                new StoredChannel("shared", "pia", List.of(new Member("pia", "Name of pia"))),
                new StoredChannel("theirs", "kai", List.of(new Member("kai", "Name of kai"))));
        assertThat(stores().accountChanges().after(0, 10)).extracting(Change::kind).containsExactly(Kind.DELETED);
    }

    @Test
    void renameAndSetPasswordChangeTheAccountAndSetPasswordEndsItsSessions() {
        accounts(stores(), "ola");
        stores().sessions().create(new StoredSession("h1", "ola", T0, T0.plusSeconds(60)));

        assertThat(admin().rename("ola", "Ola Nordmann", T0)).isTrue();
        assertThat(admin().setPasswordHash("ola", "new-hash", T0)).contains(1);

        assertThat(stores().accounts().findByUsername("ola").orElseThrow())
                .extracting(Accounts.Account::displayName, Accounts.Account::passwordHash)
                .containsExactly("Ola Nordmann", "new-hash");
        assertThat(stores().sessions().find("h1")).isEmpty();
        assertThat(stores().accountChanges().after(0, 10)).extracting(Change::kind)
                .containsExactly(Kind.RENAMED, Kind.PASSWORD_SET);
    }

    @Test
    void aMissingAccountChangesNothingAndRecordsNothing() {
        assertThat(admin().disable("nobody", T0)).isEmpty();
        assertThat(admin().enable("nobody", T0)).isFalse();
        assertThat(admin().delete("nobody", T0)).isEmpty();
        assertThat(admin().rename("nobody", "X", T0)).isFalse();
        assertThat(admin().setPasswordHash("nobody", "h", T0)).isEmpty();
        assertThat(stores().accountChanges().latest()).isZero();
    }

    @Test
    void changesArePrunedByAge() {
        accounts(stores(), "ola");
        admin().rename("ola", "A", T0);
        admin().rename("ola", "B", T0.plusSeconds(10));

        assertThat(stores().accountChanges().deleteBefore(T0.plusSeconds(5))).isEqualTo(1);

        assertThat(stores().accountChanges().after(0, 10)).hasSize(1);
    }
}
