package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link EmailVerifications} contract against the SQLite stores on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteEmailVerificationsTest extends EmailVerificationsContract {
}
