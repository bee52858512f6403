package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static app.duet.server.store.StoreFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.Accounts.Account;
import app.duet.server.store.Accounts.CreateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link Accounts} must do. */
abstract class AccountsContract extends StoreContract {
    private Accounts accounts() {
        return stores().accounts();
    }

    @Test
    void createdAccountIsFoundByUsernameAndByEmailInAnyCase() {
        Account ola = new Account("ola", "Ola N", "Ola@Example.ORG", "hash", T0);

        assertThat(accounts().create(ola)).isEqualTo(CreateOutcome.CREATED);

        Account stored = new Account("ola", "Ola N", "ola@example.org", "hash", T0);
        assertThat(accounts().findByUsername("ola")).contains(stored);
        assertThat(accounts().findByEmail("OLA@example.org")).contains(stored);
    }

    @Test
    void missingAccountIsEmpty() {
        assertThat(accounts().findByUsername("nobody")).isEmpty();
        assertThat(accounts().findByEmail("nobody@example.org")).isEmpty();
    }

    @Test
    void takenUsernameIsRefusedAndTheFirstAccountKept() {
        accounts().create(account("ola"));

        Account again = new Account("ola", "Other", "other@example.org", "other-hash", T0.plusSeconds(1));
        assertThat(accounts().create(again)).isEqualTo(CreateOutcome.USERNAME_TAKEN);

        assertThat(accounts().findByUsername("ola")).contains(account("ola"));
        assertThat(accounts().findByEmail("other@example.org")).isEmpty();
    }

    @Test
    void takenEmailIsRefusedWhateverItsCase() {
        accounts().create(account("ola"));

        Account sameEmail = new Account("pia", "Pia", "OLA@EXAMPLE.ORG", "hash", T0);
        assertThat(accounts().create(sameEmail)).isEqualTo(CreateOutcome.EMAIL_TAKEN);

        assertThat(accounts().findByUsername("pia")).isEmpty();
    }

    @Test
    void usernameIsCheckedBeforeEmail() {
        accounts().create(account("ola"));

        assertThat(accounts().create(account("ola"))).isEqualTo(CreateOutcome.USERNAME_TAKEN);
    }

    @Test
    void concurrentSignupsForOneNameCreateOneAccount() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CreateOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Account a = new Account("ola", "Ola " + i, "ola" + i + "@example.org", "hash", T0);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return accounts().create(a);
                }));
            }
            start.countDown();
            List<CreateOutcome> results = new ArrayList<>();
            for (Future<CreateOutcome> f : outcomes) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce(CreateOutcome.CREATED)
                    .filteredOn(o -> o != CreateOutcome.CREATED).containsOnly(CreateOutcome.USERNAME_TAKEN);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passwordHashIsReplacedForThatAccountOnly() {
        StoreFixtures.accounts(stores(), "ola", "pia");

        accounts().updatePasswordHash("ola", "new-hash");

        assertThat(accounts().findByUsername("ola")).get().extracting(Account::passwordHash).isEqualTo("new-hash");
        assertThat(accounts().findByUsername("pia")).contains(account("pia"));
    }

    @Test
    void passwordHashOfAMissingAccountChangesNothing() {
        accounts().updatePasswordHash("nobody", "new-hash");

        assertThat(accounts().findByUsername("nobody")).isEmpty();
    }
}
