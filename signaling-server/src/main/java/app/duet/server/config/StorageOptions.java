package app.duet.server.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives; shared by the server and the admin commands. */
public final class StorageOptions {
    public static final String PASSWORD_OPTION = "--db-password";

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Directory for the database and other state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-file", paramLabel = "FILE",
            description = "SQLite database file (default: <data-dir>/duet.db).")
    Path databaseFile;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "PostgreSQL database instead of the SQLite file, e.g. jdbc:postgresql://db.example.org:5432/duet; "
                    + "the password comes from DUET_DB_PASSWORD or db-password in the config file.")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "ROLE", defaultValue = "duet",
            description = "PostgreSQL role to connect as (default: ${DEFAULT-VALUE}).")
    String databaseUser;

    /** Hidden, and refused on the command line (see Main), where other users of the machine could read it. */
    @Option(names = PASSWORD_OPTION, hidden = true)
    String databasePassword;

    @Option(names = ConfigDefaults.CONFIG_OPTION, paramLabel = "FILE",
            description = "Properties file with settings, keys named like the options without dashes, "
                    + "e.g. port=8686 (env: DUET_CONFIG).")
    Path configFile;

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return databaseFile != null ? databaseFile : dataDir.resolve("duet.db");
    }

    /** The PostgreSQL database to use, or null for the SQLite file. */
    public PostgresDatabase postgres() {
        return databaseUrl == null || databaseUrl.isBlank() ? null
                : new PostgresDatabase(databaseUrl, databaseUser, databasePassword);
    }
}
