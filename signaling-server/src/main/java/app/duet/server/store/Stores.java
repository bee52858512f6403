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
    private final AccountAdmin accountAdmin;
    private final AccountChanges accountChanges;
    private final RegistrationInvites invites;
    private final CallHistory callHistory;
    private final PrivateChannels privateChannels;
    private final HikariDataSource dataSource;
    private final StorageHealth storageHealth = new StorageHealth();

    private Stores(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Jdbc jdbc = new Jdbc(dataSource, storageHealth);
        this.accounts = new SqliteAccounts(jdbc);
        this.sessions = new SqliteSessions(jdbc);
        this.channels = new SqliteChannels(jdbc);
        this.resetCodes = new SqliteResetCodes(jdbc);
        this.activeCalls = new SqliteActiveCalls(jdbc);
        this.accountAdmin = new SqliteAccountAdmin(jdbc);
        this.accountChanges = new SqliteAccountChanges(jdbc);
        this.invites = new SqliteRegistrationInvites(jdbc);
        this.callHistory = new SqliteCallHistory(jdbc);
        this.privateChannels = new SqlitePrivateChannels(jdbc);
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

    /**
     * Opens a database whose schema is up to date, changing nothing: for the admin commands, which run
     * beside a server and must not migrate its database under it (nor wait for its write lock to do so).
     */
    public static Stores sqliteUpToDate(Path databaseFile) {
        HikariDataSource db = Database.sqlite(databaseFile);
        try {
            int pending = Database.pendingMigrations(databaseFile);
            if (pending > 0) {
                throw new StoreException("the database lacks " + pending + " schema migrations; start this "
                        + "version of the server once to apply them", null);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    public AccountAdmin accountAdmin() {
        return accountAdmin;
    }

    public AccountChanges accountChanges() {
        return accountChanges;
    }

    public RegistrationInvites invites() {
        return invites;
    }

    public CallHistory callHistory() {
        return callHistory;
    }

    public PrivateChannels privateChannels() {
        return privateChannels;
    }

    /**
     * For /healthz: "ok", "unwritable" (it answers, but the last write was refused by the disk: sign-ups,
     * logins and channel changes fail until space returns) or "unreachable".
     */
    public String health() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(HEALTH_TIMEOUT_SECONDS)) {
                return "unreachable";
            }
        } catch (SQLException e) {
            log.warn("health check: database unreachable: {}", e.getMessage());
            return "unreachable";
        }
        return storageHealth.writable() ? "ok" : "unwritable";
    }

    /** Closes the database connections; the stores must not be used afterwards. */
    @Override
    public void close() {
        dataSource.close();
    }
}
