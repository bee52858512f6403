package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ActiveCalls} contract against {@link JdbcActiveCalls} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteActiveCallsTest extends ActiveCallsContract {
}
