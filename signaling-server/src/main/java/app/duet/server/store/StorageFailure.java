package app.duet.server.store;

/**
 * A database failure that the storage, not the request, is to blame for: the server's requests that need
 * the database are refused with STORAGE_UNAVAILABLE until it passes.
 *
 * @param code   the engine's name for it, e.g. SQLITE_FULL or SQLSTATE 08001, for the log
 * @param detail what the engine said
 */
record StorageFailure(Kind kind, String code, String detail) {
    enum Kind {
        /** It answers but refuses writes (disk full, read-only, I/O error). */
        UNWRITABLE,
        /** It does not answer (a database server down or out of reach). */
        UNREACHABLE
    }
}
