package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link PrivateChannels} contract against {@link JdbcPrivateChannels} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresPrivateChannelsTest extends PrivateChannelsContract {
}
