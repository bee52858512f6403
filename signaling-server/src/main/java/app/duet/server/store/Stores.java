package app.duet.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores a server runs on, and the one place that picks their implementation (SQLite today; a
 * PostgreSQL set would be another factory method here, see docs/decisions/0004-scaling-out.md).
 */
public final class Stores implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Stores.class);
    private static final int HEALTH_TIMEOUT_SECONDS = 2;

    private final Accounts accounts;
    private final Sessions sessions;
    private final Channels channels;
    private final ResetCodes resetCodes;
    private final ActiveCalls activeCalls;
    private final CallHistory callHistory;
    private final HikariDataSource dataSource;

    private Stores(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource, new StorageHealth());
        this.accounts = new SqliteAccounts(jdbc);
        this.sessions = new SqliteSessions(jdbc);
        this.channels = new SqliteChannels(jdbc);
        this.resetCodes = new SqliteResetCodes(jdbc);
        this.activeCalls = new SqliteActiveCalls(jdbc);
        this.callHistory = new SqliteCallHistory(jdbc);
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Stores sqlite(Path databaseFile) {
        HikariDataSource db = Database.sqlite(databaseFile);
        int migrations;
        try {
            migrations = Database.migrate(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        log.info("database {} ready ({} migrations applied)", databaseFile, migrations);
        return new Stores(db);
    }

    public Accounts accounts() {
        return accounts;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Channels channels() {
        return channels;
    }

    public ResetCodes resetCodes() {
        return resetCodes;
    }

    public ActiveCalls activeCalls() {
        return activeCalls;
    }

    public CallHistory callHistory() {
        return callHistory;
    }

    /** For /healthz: whether the database answers. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(HEALTH_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            log.warn("health check: database unreachable: {}", e.getMessage());
            return false;
        }
    }

    /** Closes the database connections; the stores must not be used afterwards. */
    @Override
    public void close() {
        dataSource.close();
    }
}
