package app.duet.server.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ResetCodes} contract against {@link SqliteResetCodes} on a real, migrated SQLite file. */
class SqliteResetCodesTest extends ResetCodesContract {
    @RegisterExtension
    final SqliteStoresExtension database = new SqliteStoresExtension();

    @Override
    protected StoresProvider database() {
        return database;
    }
}
