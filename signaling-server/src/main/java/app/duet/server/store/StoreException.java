package app.duet.server.store;

/**
 * A database failure the caller cannot fix. {@link #storageUnavailable()} tells a failing disk (full,
 * read-only, I/O error) from everything else: the first is the server's storage, and passes when it does;
 * the second is a fault (reported to clients as INTERNAL).
 */
public final class StoreException extends RuntimeException {
    private final boolean storageUnavailable;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    StoreException(String message, Throwable cause, boolean storageUnavailable) {
        super(message, cause);
        this.storageUnavailable = storageUnavailable;
    }

    /** Whether the database could not be written because of its storage (full, read-only, I/O error). */
    public boolean storageUnavailable() {
        return storageUnavailable;
    }
}
