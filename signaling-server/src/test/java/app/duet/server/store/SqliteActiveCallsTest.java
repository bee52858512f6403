package app.duet.server.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ActiveCalls} contract against {@link SqliteActiveCalls} on a real, migrated SQLite file. */
class SqliteActiveCallsTest extends ActiveCallsContract {
    @RegisterExtension
    final SqliteStoresExtension database = new SqliteStoresExtension();

    @Override
    protected StoresProvider database() {
        return database;
    }
}
