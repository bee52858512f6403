package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Accounts} contract against {@link JdbcAccounts} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteAccountsTest extends AccountsContract {
}
