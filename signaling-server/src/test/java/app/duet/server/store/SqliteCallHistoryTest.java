package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link CallHistory} contract against {@link JdbcCallHistory} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteCallHistoryTest extends CallHistoryContract {
}
