package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Accounts} contract against {@link JdbcAccounts} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresAccountsTest extends AccountsContract {
}
