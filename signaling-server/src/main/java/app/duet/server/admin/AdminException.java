package app.duet.server.admin;

/** Why an admin command failed: an exit code from {@link ExitCodes} and a sentence for the admin. */
public final class AdminException extends RuntimeException {
    private final int exitCode;
    private final String kind;

    private AdminException(int exitCode, String kind, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.kind = kind;
    }

    public static AdminException notFound(String message) {
        return new AdminException(ExitCodes.NOT_FOUND, "not_found", message);
    }

    public static AdminException invalid(String message) {
        return new AdminException(ExitCodes.INVALID_INPUT, "invalid_input", message);
    }

    public static AdminException conflict(String message) {
        return new AdminException(ExitCodes.CONFLICT, "conflict", message);
    }

    public static AdminException databaseUnavailable(String message) {
        return new AdminException(ExitCodes.DATABASE_UNAVAILABLE, "database_unavailable", message);
    }

    public static AdminException noSuchUser(String username) {
        return notFound("There is no account named '" + username + "'.");
    }

    int exitCode() {
        return exitCode;
    }

    /** The failure's name in --json output and in the log line. */
    String kind() {
        return kind;
    }
}
