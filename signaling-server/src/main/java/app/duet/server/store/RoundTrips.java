package app.duet.server.store;

/** Told how long each trip to the database took, for the server's metrics; the stores know nothing more of them. */
@FunctionalInterface
public interface RoundTrips {
    /** Nothing is recorded (the admin commands). */
    RoundTrips NONE = (operation, nanos) -> { };

    /** {@code operation} is "query", "update" or "transaction"; {@code nanos} includes taking a pooled connection. */
    void took(String operation, long nanos);
}
