package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link PendingJoins} contract against the stores on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresPendingJoinsTest extends PendingJoinsContract {
}
