package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link EmailVerifications} contract against the stores on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresEmailVerificationsTest extends EmailVerificationsContract {
}
