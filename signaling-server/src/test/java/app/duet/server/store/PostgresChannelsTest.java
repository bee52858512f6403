package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Channels} contract against {@link JdbcChannels} on a real, migrated PostgreSQL database. */
@ExtendWith(PostgresStoresExtension.class)
class PostgresChannelsTest extends ChannelsContract {
}
