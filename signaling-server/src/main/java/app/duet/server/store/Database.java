package app.duet.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the SQLite file and brings its schema up to date with the Flyway migrations in db/migration. */
final class Database {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    /**
     * Open connections kept for reuse: more than the threads that query at once (workers, the store writer,
     * the health check), so none waits. Opening one per query re-opened the file and re-ran the pragmas.
     */
    private static final int POOL_SIZE = 16;
    private static final int POOL_MIN_IDLE = 2;

    private Database() {
    }

    /**
     * A pool of connections to the SQLite file, with foreign keys on and WAL so readers do not block the
     * writer. Close it when done.
     */
    public static HikariDataSource sqlite(Path file) {
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
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName("duet-db");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(POOL_MIN_IDLE);
        return new HikariDataSource(pool);
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }

    /**
     * How many migrations the database lacks. Reads only, on a connection of its own with SQLite's default
     * (deferred) transactions: Flyway reads in a transaction, which on the pool's connections would take
     * the write lock and wait behind a busy server.
     */
    public static int pendingMigrations(Path file) {
        SQLiteDataSource reader = new SQLiteDataSource();
        reader.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return flyway(reader).info().pending().length;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
