package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ResetCodes} contract against {@link JdbcResetCodes} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteResetCodesTest extends ResetCodesContract {
}
