package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CallHistory} contract against {@link JdbcCallHistory} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresCallHistoryTest extends CallHistoryContract {
}
