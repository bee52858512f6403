package app.duet.server.store;

import app.duet.server.store.StorageFailure.Kind;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores a server runs on, and the one place that picks their engine: an SQLite file by default, or
 * PostgreSQL (docs/decisions/0011-postgresql.md). The same store classes run on both; {@link SqlDialect}
 * holds what differs.
 */
public final class Stores implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Stores.class);
    /** The pause between {@link #probe}s: /healthz is at most this (plus the pool's 2 s timeout) behind. */
    public static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
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
    private final ChannelInvites channelInvites;
    private final PendingJoins pendingJoins;
    private final EmailVerifications emailVerifications;
    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final StorageHealth storageHealth = new StorageHealth();

    private Stores(HikariDataSource dataSource, SqlDialect dialect, RoundTrips roundTrips) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        Jdbc jdbc = new Jdbc(dataSource, dialect, storageHealth, roundTrips);
        this.accounts = new JdbcAccounts(jdbc);
        this.sessions = new JdbcSessions(jdbc);
        this.channels = new JdbcChannels(jdbc);
        this.resetCodes = new JdbcResetCodes(jdbc);
        this.activeCalls = new JdbcActiveCalls(jdbc);
        this.accountAdmin = new JdbcAccountAdmin(jdbc);
        this.accountChanges = new JdbcAccountChanges(jdbc);
        this.invites = new JdbcRegistrationInvites(jdbc);
        this.callHistory = new JdbcCallHistory(jdbc);
        this.privateChannels = new JdbcPrivateChannels(jdbc);
        this.channelInvites = new JdbcChannelInvites(jdbc);
        this.pendingJoins = new JdbcPendingJoins(jdbc);
        this.emailVerifications = new JdbcEmailVerifications(jdbc);
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Stores sqlite(Path databaseFile) {
        return sqlite(databaseFile, RoundTrips.NONE);
    }

    /** As {@link #sqlite(Path)}, telling {@code roundTrips} how long each trip to the database took. */
    public static Stores sqlite(Path databaseFile, RoundTrips roundTrips) {
        return migrated(Database.sqlite(databaseFile), SqlDialect.SQLITE, databaseFile.toString(), roundTrips);
    }

    /**
     * Connects to a PostgreSQL database (its role and database made by the admin) and brings its schema up
     * to date, telling {@code roundTrips} how long each trip to the database took. Throws {@link StoreException}
     * if it cannot be reached.
     */
    public static Stores postgres(String url, String user, String password, RoundTrips roundTrips) {
        return migrated(Database.postgres(url, user, password), SqlDialect.POSTGRESQL, url, roundTrips);
    }

    /**
     * Opens a database whose schema is up to date, changing nothing: for the admin commands, which run
     * beside a server and must not migrate its database under it (nor wait for its write lock to do so).
     */
    public static Stores sqliteUpToDate(Path databaseFile) {
        return upToDate(Database.sqlite(databaseFile), SqlDialect.SQLITE, () -> Database.pendingMigrations(databaseFile));
    }

    /** {@link #sqliteUpToDate} for PostgreSQL. */
    public static Stores postgresUpToDate(String url, String user, String password) {
        HikariDataSource db = Database.postgres(url, user, password);
        return upToDate(db, SqlDialect.POSTGRESQL, () -> Database.pendingMigrations(db, SqlDialect.POSTGRESQL));
    }

    private static Stores migrated(HikariDataSource db, SqlDialect dialect, String where, RoundTrips roundTrips) {
        int migrations;
        try {
            migrations = Database.migrate(db, dialect);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        log.info("database {} ready ({} migrations applied)", where, migrations);
        return new Stores(db, dialect, roundTrips);
    }

    private static Stores upToDate(HikariDataSource db, SqlDialect dialect, IntSupplier pendingMigrations) {
        try {
            int pending = pendingMigrations.getAsInt();
            if (pending > 0) {
                throw new StoreException("the database lacks " + pending + " schema migrations; start this "
                        + "version of the server once to apply them", null);
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new Stores(db, dialect, RoundTrips.NONE);
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

    public ChannelInvites channelInvites() {
        return channelInvites;
    }

    public PendingJoins pendingJoins() {
        return pendingJoins;
    }

    public EmailVerifications emailVerifications() {
        return emailVerifications;
    }

    /**
     * For /healthz, at once: "ok", "unwritable" (it answers, but the last write was refused by the disk:
     * sign-ups, logins and channel changes fail until space returns) or "unreachable" (no connection within
     * the pool's timeout, e.g. the PostgreSQL server is down), as the last requests and {@link #probe}s found.
     * It never waits on the database: a balancer's check must not time out because the database is down.
     */
    public String health() {
        return storageHealth.state();
    }

    /**
     * Asks the database whether it answers (a connection within the pool's timeout, then a validity check)
     * and records the outcome for {@link #health}; run {@link #PROBE_PERIOD} apart in the background.
     */
    public void probe() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(HEALTH_TIMEOUT_SECONDS)) {
                storageHealth.answered();
            } else {
                storageHealth.failed(new StorageFailure(Kind.UNREACHABLE, "invalid", "no answer to a validity check"));
            }
        } catch (SQLException e) {
            // An outage is logged once, by the health record, however often the probe runs into it.
            storageHealth.failed(dialect.storageFailure(e).orElseGet(
                    () -> new StorageFailure(Kind.UNREACHABLE, String.valueOf(e.getSQLState()), e.getMessage())));
        }
    }

    /** Closes the database connections; the stores must not be used afterwards. */
    @Override
    public void close() {
        dataSource.close();
    }
}
