package app.duet.server.admin;

/** The exit codes of the admin commands, as the admin guide lists them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected failure; the log says what. */
    public static final int FAILED = 1;
    /** Bad arguments or input (picocli's own code for usage errors): unknown option, weak password, bad name. */
    public static final int INVALID_INPUT = 2;
    /** The user or invite named does not exist. */
    public static final int NOT_FOUND = 3;
    /** The username or e-mail address is taken already. */
    public static final int CONFLICT = 4;
    /** The database cannot be opened, or stayed locked by another writer past the busy timeout. */
    public static final int DATABASE_UNAVAILABLE = 5;

    private ExitCodes() {
    }
}
