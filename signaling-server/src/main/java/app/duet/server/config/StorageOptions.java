package app.duet.server.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives; shared by the server and the admin commands. */
public final class StorageOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Directory for the database and other state (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-file", paramLabel = "FILE",
            description = "SQLite database file (default: <data-dir>/duet.db).")
    Path databaseFile;

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
}
