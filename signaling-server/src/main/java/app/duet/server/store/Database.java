package app.duet.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database (the SQLite file, or a pool of connections to PostgreSQL) and brings its schema up to
 * date with the engine's Flyway migrations (db/migration/sqlite or db/migration/postgresql).
 */
final class Database {
    private static final int BUSY_TIMEOUT_MS = 5_000;
    /**
     * Open connections kept for reuse: more than the threads that query at once (workers, the store writer,
     * the health check), so none waits. Opening one per query re-opened the file and re-ran the pragmas.
     */
    private static final int POOL_SIZE = 16;
    private static final int POOL_MIN_IDLE = 2;
    /**
     * Per node: the worker threads, the store writer and the health check query at once, and several
     * nodes share the PostgreSQL server's 100 connections (its default max_connections).
     */
    private static final int POSTGRES_POOL_SIZE = 10;
    /**
     * How long a request waits for a connection before it fails with STORAGE_UNAVAILABLE: a database that
     * is down must refuse sign-ins within moments, not hold the client until its own timeout.
     */
    private static final long POSTGRES_CONNECTION_TIMEOUT_MS = 2_000;
    private static final long POSTGRES_VALIDATION_TIMEOUT_MS = 1_000;
    /** Seconds the driver waits for a TCP connection, and for an answer on one that went silent. */
    private static final int POSTGRES_CONNECT_TIMEOUT_S = 2;
    private static final int POSTGRES_SOCKET_TIMEOUT_S = 10;

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

    /**
     * A pool of connections to PostgreSQL. Fails at once if the database cannot be reached (the server
     * does not start without it); afterwards the pool reconnects by itself when the database comes back.
     */
    public static HikariDataSource postgres(String url, String user, String password) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName("duet-db");
        pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
        pool.setMinimumIdle(POOL_MIN_IDLE);
        pool.setConnectionTimeout(POSTGRES_CONNECTION_TIMEOUT_MS);
        pool.setValidationTimeout(POSTGRES_VALIDATION_TIMEOUT_MS);
        pool.addDataSourceProperty("connectTimeout", POSTGRES_CONNECT_TIMEOUT_S);
        pool.addDataSourceProperty("socketTimeout", POSTGRES_SOCKET_TIMEOUT_S);
        pool.addDataSourceProperty("ApplicationName", "duet-server");
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StoreException("cannot connect to the PostgreSQL database " + url + ": " + cause.getMessage(), e);
        }
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource, SqlDialect dialect) {
        return flyway(dataSource, dialect).migrate().migrationsExecuted;
    }

    /** How many migrations a PostgreSQL database lacks; reads only. */
    public static int pendingMigrations(DataSource dataSource, SqlDialect dialect) {
        return flyway(dataSource, dialect).info().pending().length;
    }

    /**
     * How many migrations the database lacks. Reads only, on a connection of its own with SQLite's default
     * (deferred) transactions: Flyway reads in a transaction, which on the pool's connections would take
     * the write lock and wait behind a busy server.
     */
    public static int pendingMigrations(Path file) {
        SQLiteDataSource reader = new SQLiteDataSource();
        reader.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return pendingMigrations(reader, SqlDialect.SQLITE);
    }

    private static Flyway flyway(DataSource dataSource, SqlDialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .load();
    }
}
