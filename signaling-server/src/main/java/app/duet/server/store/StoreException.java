package app.duet.server.store;

import app.duet.server.store.StorageFailure.Kind;

/**
 * A database failure the caller cannot fix. {@link #storageUnavailable()} tells a failing storage (a disk
 * full, read-only or failing; a database server out of reach) from everything else: the first passes when
 * the storage comes back; the second is a fault (reported to clients as INTERNAL).
 */
public final class StoreException extends RuntimeException {
    private final StorageFailure failure;

    public StoreException(String message, Throwable cause) {
        this(message, cause, null);
    }

    StoreException(String message, Throwable cause, StorageFailure failure) {
        super(message, cause);
        this.failure = failure;
    }

    /** Whether the database could not be used because of its storage (full, read-only, I/O error, unreachable). */
    public boolean storageUnavailable() {
        return failure != null;
    }

    /** Whether the database did not answer at all (a PostgreSQL server down or out of reach). */
    public boolean databaseUnreachable() {
        return failure != null && failure.kind() == Kind.UNREACHABLE;
    }
}
