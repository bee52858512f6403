package app.duet.server.config;

import java.util.Objects;

/**
 * Where the accounts live when not in the SQLite file: a PostgreSQL database, from {@code --db-url},
 * {@code --db-user} and the password (DUET_DB_PASSWORD or the config file, never the command line).
 */
public record PostgresDatabase(String url, String user, String password) {
    static final String URL_PREFIX = "jdbc:postgresql://";

    public PostgresDatabase {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("--db-url must be a PostgreSQL JDBC URL, " + URL_PREFIX
                    + "HOST:PORT/DATABASE; without it the server uses its SQLite file");
        }
    }

    /** The password stays out of logs. */
    @Override
    public String toString() {
        return url + " as " + user;
    }
}
