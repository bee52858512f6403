package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ResetCodes} contract against {@link JdbcResetCodes} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresResetCodesTest extends ResetCodesContract {
}
