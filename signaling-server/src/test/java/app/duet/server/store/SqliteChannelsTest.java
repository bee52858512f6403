package app.duet.server.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link Channels} contract against {@link SqliteChannels} on a real, migrated SQLite file. */
class SqliteChannelsTest extends ChannelsContract {
    @RegisterExtension
    final SqliteStoresExtension database = new SqliteStoresExtension();

    @Override
    protected StoresProvider database() {
        return database;
    }
}
