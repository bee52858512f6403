package app.duet.server.store;

import app.duet.server.store.Accounts.Account;
import java.time.Instant;

/** Rows the contract tests build on: accounts (every other table refers to one) and fixed instants. */
final class StoreFixtures {
    /** Millisecond precision, as the stores keep times. */
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123Z");
    /** The channel limits the contracts store under (the registry's: two members, 100 channels per owner). */
    static final int MAX_MEMBERS = 2;
    static final int MAX_OWNED = 100;

    private StoreFixtures() {
    }

    static Account account(String username) {
        return new Account(username, "Name of " + username, username + "@example.org", "hash-of-" + username, T0);
    }

    /** Creates the accounts, so rows referring to them can be stored. */
    static void accounts(Stores stores, String... usernames) {
        for (String username : usernames) {
            stores.accounts().create(account(username));
        }
    }
}
