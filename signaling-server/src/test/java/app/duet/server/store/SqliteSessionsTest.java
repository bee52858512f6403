package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Sessions} contract against {@link JdbcSessions} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteSessionsTest extends SessionsContract {
}
