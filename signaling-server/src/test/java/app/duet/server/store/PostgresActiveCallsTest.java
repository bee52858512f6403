package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ActiveCalls} contract against {@link JdbcActiveCalls} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresActiveCallsTest extends ActiveCallsContract {
}
