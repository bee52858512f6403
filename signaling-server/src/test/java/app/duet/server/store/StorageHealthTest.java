package app.duet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which SQLite failures are the storage's, and the one log line per outage. */
class StorageHealthTest {
    private static SQLiteException sqlite(SQLiteErrorCode code) {
        return new SQLiteException(code.message, code);
    }

    @Test
    void fullReadOnlyIoAndCantOpenAreTheStorageWhateverTheExtendedCode() {
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_FULL))).contains(SQLiteErrorCode.SQLITE_FULL);
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_IOERR_WRITE))).isPresent();
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_READONLY_DBMOVED))).isPresent();
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_CANTOPEN))).isPresent();
        assertThat(StorageHealth.storageFailure(new SQLException("pool", sqlite(SQLiteErrorCode.SQLITE_FULL)))).isPresent();
    }

    @Test
    void constraintsBusyAndOtherErrorsAreNot() {
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY))).isEmpty();
        assertThat(StorageHealth.storageFailure(sqlite(SQLiteErrorCode.SQLITE_BUSY))).isEmpty();
        assertThat(StorageHealth.storageFailure(new SQLException("no SQLite inside"))).isEmpty();
    }

    @Test
    void onlyReadOnlyIsRetriedOnAFreshConnection() {
        assertThat(StorageHealth.isReadOnly(sqlite(SQLiteErrorCode.SQLITE_READONLY))).isTrue();
        assertThat(StorageHealth.isReadOnly(sqlite(SQLiteErrorCode.SQLITE_READONLY_RECOVERY))).isTrue();
        assertThat(StorageHealth.isReadOnly(sqlite(SQLiteErrorCode.SQLITE_FULL))).isFalse();
    }

    @Test
    void logsOneWarningPerOutageAndOneLineWhenItEnds() {
        Logger logger = (Logger) LoggerFactory.getLogger(StorageHealth.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            StorageHealth health = new StorageHealth();
            health.wrote();
            health.failed(SQLiteErrorCode.SQLITE_FULL);
            health.failed(SQLiteErrorCode.SQLITE_FULL);
            health.failed(SQLiteErrorCode.SQLITE_IOERR_WRITE);
            health.wrote();
            health.wrote();
            health.failed(SQLiteErrorCode.SQLITE_READONLY);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.WARN);
        assertThat(log.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(log.list.get(0).getFormattedMessage()).contains("SQLITE_FULL", "STORAGE_UNAVAILABLE");
    }
}
