package app.duet.server.store;

import app.duet.server.store.StorageFailure.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the engines the stores run on. Their SQL is the same for both (SQLite and PostgreSQL
 * share the upsert syntax, and the PostgreSQL schema has a {@code rowid} where the queries use SQLite's), so
 * what is left is where the migrations are, how a write transaction is serialised, and which errors mean
 * the storage rather than the request failed.
 */
enum SqlDialect {
    SQLITE("classpath:db/migration/sqlite") {
        private static final int PRIMARY_CODE_MASK = 0xFF;
        private static final Set<Integer> STORAGE_CODES = Set.of(SQLiteErrorCode.SQLITE_FULL.code,
                SQLiteErrorCode.SQLITE_READONLY.code, SQLiteErrorCode.SQLITE_IOERR.code,
                SQLiteErrorCode.SQLITE_CANTOPEN.code);

        /** SQLITE_FULL, _READONLY, _IOERR and _CANTOPEN (primary codes; the extended ones share them). */
        @Override
        Optional<StorageFailure> storageFailure(SQLException e) {
            return sqliteCode(e).filter(code -> STORAGE_CODES.contains(code.code & PRIMARY_CODE_MASK))
                    .map(code -> new StorageFailure(Kind.UNWRITABLE, code.name(), code.message));
        }

        /** A connection opened while the file was read-only stays so when the file is writable again. */
        @Override
        boolean freshConnectionMayHelp(SQLException e) {
            return sqliteCode(e).filter(code -> (code.code & PRIMARY_CODE_MASK) == SQLiteErrorCode.SQLITE_READONLY.code)
                    .isPresent();
        }

        /** Nothing to do: the pool's connections begin IMMEDIATE transactions, which take the write lock. */
        @Override
        void serialiseWrites(Connection c) {
        }

        private static Optional<SQLiteErrorCode> sqliteCode(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLiteException s) {
                    return Optional.of(s.getResultCode());
                }
            }
            return Optional.empty();
        }
    },

    POSTGRESQL("classpath:db/migration/postgresql") {
        /** SQLSTATEs of a full or failing disk and of a server in read-only mode (a standby). */
        private static final Set<String> UNWRITABLE = Set.of("53100", "58030", "25006");
        /** Shutting down, crashed, starting up, or out of connections: the server, not the request. */
        private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "53300");
        /** Any number will do, as long as nothing else in the database uses it. */
        private static final long WRITE_LOCK_KEY = 0x6475657400000001L;

        @Override
        Optional<StorageFailure> storageFailure(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLTransientConnectionException) {
                    return Optional.of(new StorageFailure(Kind.UNREACHABLE, "no connection", t.getMessage()));
                }
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    String state = s.getSQLState();
                    if (state.startsWith("08") || UNREACHABLE.contains(state)) {
                        return Optional.of(new StorageFailure(Kind.UNREACHABLE, "SQLSTATE " + state, s.getMessage()));
                    }
                    if (UNWRITABLE.contains(state)) {
                        return Optional.of(new StorageFailure(Kind.UNWRITABLE, "SQLSTATE " + state, s.getMessage()));
                    }
                }
            }
            return Optional.empty();
        }

        /** The pool drops broken connections by itself. */
        @Override
        boolean freshConnectionMayHelp(SQLException e) {
            return false;
        }

        /**
         * One write transaction at a time across every node, as SQLite's IMMEDIATE transactions do in one
         * file: the stores read before they write ("is the name taken?"), which under READ COMMITTED alone
         * could let two sign-ups both pass the check. Single statements do not take it.
         */
        @Override
        void serialiseWrites(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
            }
        }
    };

    private final String migrations;

    SqlDialect(String migrations) {
        this.migrations = migrations;
    }

    /** The Flyway location of this engine's migrations. */
    String migrations() {
        return migrations;
    }

    /** Whether {@code e} (or a cause) says the storage failed, and how. */
    abstract Optional<StorageFailure> storageFailure(SQLException e);

    /** Whether the same work may succeed on a newly opened connection. */
    abstract boolean freshConnectionMayHelp(SQLException e);

    /** Called first in every transaction, which writes. */
    abstract void serialiseWrites(Connection c) throws SQLException;
}
