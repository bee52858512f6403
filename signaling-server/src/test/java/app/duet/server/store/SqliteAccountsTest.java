package app.duet.server.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Accounts} contract against {@link SqliteAccounts} on a real, migrated SQLite file. */
class SqliteAccountsTest extends AccountsContract {
    @RegisterExtension
    final SqliteStoresExtension database = new SqliteStoresExtension();

    @Override
    protected StoresProvider database() {
        return database;
    }
}
