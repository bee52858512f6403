package app.duet.server.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Sessions} contract against {@link SqliteSessions} on a real, migrated SQLite file. */
class SqliteSessionsTest extends SessionsContract {
    @RegisterExtension
    final SqliteStoresExtension database = new SqliteStoresExtension();

    @Override
    protected StoresProvider database() {
        return database;
    }
}
