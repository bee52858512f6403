package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Channels} contract against {@link JdbcChannels} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqliteChannelsTest extends ChannelsContract {
}
