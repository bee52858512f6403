package app.duet.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite file and brings its schema up to date with the Flyway migrations in db/migration. */
final class Database {
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private Database() {
    }

    /** A DataSource on the SQLite file, with foreign keys on and WAL so readers do not block the writer. */
    public static DataSource sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Transactions read before they write (e.g. "is the name taken?"); a deferred one would fail with
        // SQLITE_BUSY if another writer committed in between. IMMEDIATE takes the write lock at BEGIN, so
        // concurrent writers wait in the busy timeout instead. Reads outside transactions are unaffected.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
