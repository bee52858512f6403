package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link PendingJoins} contract against the SQLite stores on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqlitePendingJoinsTest extends PendingJoinsContract {
}
