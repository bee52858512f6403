package app.duet.server.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Whether the database's storage takes writes, from what the last writes said: SQLite's SQLITE_FULL,
 * SQLITE_READONLY, SQLITE_IOERR and SQLITE_CANTOPEN (primary codes; the extended ones share them) mean the
 * disk, not the request, is the problem. Logs one line when writes start failing so and one when a write
 * succeeds again, rather than a stack trace per request.
 */
final class StorageHealth {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);
    private static final int PRIMARY_CODE_MASK = 0xFF;

    private final AtomicBoolean unavailable = new AtomicBoolean();

    /** The SQLite result code if {@code e} (or a cause) says the storage failed. */
    static Optional<SQLiteErrorCode> storageFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                int primary = s.getResultCode().code & PRIMARY_CODE_MASK;
                boolean storage = primary == SQLiteErrorCode.SQLITE_FULL.code
                        || primary == SQLiteErrorCode.SQLITE_READONLY.code
                        || primary == SQLiteErrorCode.SQLITE_IOERR.code
                        || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code;
                return storage ? Optional.of(s.getResultCode()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether SQLite refused to write because the file (or this connection to it) is read-only. */
    static boolean isReadOnly(SQLException e) {
        return storageFailure(e).filter(code -> (code.code & PRIMARY_CODE_MASK) == SQLiteErrorCode.SQLITE_READONLY.code)
                .isPresent();
    }

    void failed(SQLiteErrorCode code) {
        if (unavailable.compareAndSet(false, true)) {
            log.warn("storage unavailable: the database cannot be written ({}: {}); writes are refused with "
                    + "STORAGE_UNAVAILABLE until one succeeds again", code.name(), code.message);
        } else {
            log.debug("storage still unavailable ({})", code.name());
        }
    }

    /** False from a write the disk refused until one succeeds again. */
    boolean writable() {
        return !unavailable.get();
    }

    void wrote() {
        if (unavailable.get() && unavailable.compareAndSet(true, false)) {
            log.info("storage is writable again");
        }
    }
}
