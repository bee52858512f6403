package app.duet.server.store;

/** A database failure the caller cannot fix; reported to clients as INTERNAL. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
