package app.duet.server.store;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link PrivateChannels} contract against {@link JdbcPrivateChannels} on a real, migrated SQLite file. */
@ExtendWith(SqliteStoresExtension.class)
class SqlitePrivateChannelsTest extends PrivateChannelsContract {
}
