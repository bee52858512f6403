package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Sessions} contract against {@link JdbcSessions} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresSessionsTest extends SessionsContract {
}
