package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link RegistrationInvites} contract against the SQLite stores on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresRegistrationInvitesTest extends RegistrationInvitesContract {
}
