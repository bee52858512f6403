package app.duet.server.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC moves the stores need, so each store holds only its SQL. */
final class Jdbc {
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final SqlDialect dialect;
    private final StorageHealth health;
    private final RoundTrips roundTrips;

    /** {@code health} is shared by every store on the same database. */
    Jdbc(HikariDataSource pool, SqlDialect dialect, StorageHealth health, RoundTrips roundTrips) {
        this.pool = pool;
        this.dialect = dialect;
        this.health = health;
        this.roundTrips = roundTrips;
    }

    int update(String sql, Object... params) {
        int rows = timed("update", c -> update(c, sql, params));
        health.wrote();
        return rows;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return timed("query", c -> query(c, sql, mapper, params));
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs the work in one transaction, committed if it returns, rolled back if it throws. */
    <T> T inTransaction(Work<T> work) {
        T result = timed("transaction", c -> {
            c.setAutoCommit(false);
            try {
                dialect.serialiseWrites(c);
                T value = work.run(c);
                c.commit();
                return value;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        });
        health.wrote();
        return result;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params)) {
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** One round trip, timed whether it succeeds or fails. */
    private <T> T timed(String operation, Work<T> work) {
        long start = System.nanoTime();
        try {
            return withConnection(work);
        } finally {
            roundTrips.took(operation, System.nanoTime() - start);
        }
    }

    private <T> T withConnection(Work<T> work) {
        try {
            T result;
            try {
                result = onFreshOrPooledConnection(work);
            } catch (SQLException e) {
                if (!dialect.freshConnectionMayHelp(e)) {
                    throw e;
                }
                // The pool has just dropped its connections, so this try opens a new one.
                result = onFreshOrPooledConnection(work);
            }
            health.answered();
            return result;
        } catch (SQLException e) {
            Optional<StorageFailure> failure = dialect.storageFailure(e);
            failure.ifPresent(health::failed);
            throw new StoreException("database error: " + e.getMessage(), e, failure.orElse(null));
        }
    }

    private <T> T onFreshOrPooledConnection(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (dialect.storageFailure(e).isPresent()) {
                    // After a storage failure SQLite may have rolled back on its own, leaving the driver's
                    // idea of the transaction out of step (every later commit on that connection failed),
                    // and connections opened meanwhile may be read-only: all are opened afresh.
                    pool.evictConnection(c);
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
                throw e;
            }
        }
    }

    /**
     * Rolls back after {@code failure}. SQLite has rolled back already after some errors (SQLITE_FULL,
     * SQLITE_IOERR), and then refuses the rollback: the original failure is the one that counts.
     */
    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
