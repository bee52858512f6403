package app.duet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.StorageFailure.Kind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which failures of each engine are the storage's rather than the request's. */
class SqlDialectTest {
    private static SQLiteException sqlite(SQLiteErrorCode code) {
        return new SQLiteException(code.message, code);
    }

    private static Kind postgres(SQLException e) {
        return SqlDialect.POSTGRESQL.storageFailure(e).map(StorageFailure::kind).orElse(null);
    }

    @Test
    void sqliteFullReadOnlyIoAndCantOpenAreTheStorageWhateverTheExtendedCode() {
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_FULL)))
                .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("SQLITE_FULL"));
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_IOERR_WRITE))).isPresent();
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_READONLY_DBMOVED))).isPresent();
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_CANTOPEN))).isPresent();
        assertThat(SqlDialect.SQLITE.storageFailure(new SQLException("pool", sqlite(SQLiteErrorCode.SQLITE_FULL))))
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Kind.UNWRITABLE));
    }

    @Test
    void sqliteConstraintsBusyAndOtherErrorsAreNot() {
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY))).isEmpty();
        assertThat(SqlDialect.SQLITE.storageFailure(sqlite(SQLiteErrorCode.SQLITE_BUSY))).isEmpty();
        assertThat(SqlDialect.SQLITE.storageFailure(new SQLException("no SQLite inside"))).isEmpty();
    }

    @Test
    void onlySqliteReadOnlyIsRetriedOnAFreshConnection() {
        assertThat(SqlDialect.SQLITE.freshConnectionMayHelp(sqlite(SQLiteErrorCode.SQLITE_READONLY))).isTrue();
        assertThat(SqlDialect.SQLITE.freshConnectionMayHelp(sqlite(SQLiteErrorCode.SQLITE_READONLY_RECOVERY))).isTrue();
        assertThat(SqlDialect.SQLITE.freshConnectionMayHelp(sqlite(SQLiteErrorCode.SQLITE_FULL))).isFalse();
        assertThat(SqlDialect.POSTGRESQL.freshConnectionMayHelp(new PSQLException("x", PSQLState.CONNECTION_FAILURE)))
                .isFalse();
    }

    @Test
    void postgresDownOrOutOfConnectionsIsUnreachable() {
        assertThat(postgres(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))).isEqualTo(Kind.UNREACHABLE);
        assertThat(postgres(new PSQLException("gone", PSQLState.CONNECTION_FAILURE))).isEqualTo(Kind.UNREACHABLE);
        assertThat(postgres(new SQLException("terminating connection due to administrator command", "57P01")))
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(postgres(new SQLException("too many clients", "53300"))).isEqualTo(Kind.UNREACHABLE);
        assertThat(postgres(new SQLTransientConnectionException("duet-db - Connection is not available")))
                .isEqualTo(Kind.UNREACHABLE);
    }

    @Test
    void postgresDiskFullOrReadOnlyIsUnwritable() {
        assertThat(postgres(new SQLException("could not extend file", "53100"))).isEqualTo(Kind.UNWRITABLE);
        assertThat(postgres(new SQLException("cannot execute INSERT in a read-only transaction", "25006")))
                .isEqualTo(Kind.UNWRITABLE);
    }

    @Test
    void postgresConstraintsAndSyntaxAreTheRequests() {
        assertThat(postgres(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isNull();
        assertThat(postgres(new SQLException("syntax error", "42601"))).isNull();
        assertThat(postgres(new SQLException("no state"))).isNull();
    }
}
