package app.duet.server.admin;

import app.duet.server.config.PostgresDatabase;
import app.duet.server.config.StorageOptions;
import app.duet.server.store.StoreException;
import app.duet.server.store.Stores;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every admin command shares: where the database is, {@code --json}, and how a command runs against
 * the database of a server that may be running (its own connections; WAL and the busy timeout let both
 * write), with one exit code and one structured log line per action.
 */
public final class AdminOptions {
    private static final Logger log = LoggerFactory.getLogger("duet.admin");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    /** What a command did: a sentence for people, an object for {@code --json}, details for the log line. */
    public record Outcome(String text, Map<String, Object> json, String logDetail) {
    }

    /** A command's work on the open stores; throws {@link AdminException} to fail with its exit code. */
    @FunctionalInterface
    public interface Action {
        Outcome run(Stores stores, Instant now);
    }

    @Mixin
    StorageOptions storage;

    @Option(names = "--json", description = "Print the result (or the error) as one JSON object.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    /**
     * Opens the database, runs the action and reports it.
     * @param action what is done, e.g. {@code user.disable}, for the log line
     * @param target whom or what it is done to, never a secret
     */
    public int run(String action, String target, Action work) {
        String sudoUser = System.getenv("SUDO_USER");
        // Under sudo -u duet, who typed the command is the sudo user, not the server's user.
        String by = System.getProperty("user.name", "unknown") + (sudoUser == null ? "" : " sudoUser=" + sudoUser);
        try (Stores stores = open()) {
            Outcome outcome = work.run(stores, clock.instant());
            print(json ? GSON.toJson(outcome.json()) : outcome.text());
            log.info("admin action={} target={} by={} outcome=ok{}", action, target, by, outcome.logDetail());
            return ExitCodes.OK;
        } catch (StoreException e) {
            return failed(action, target, by, AdminException.databaseUnavailable(
                    "The database is busy or unreachable (" + e.getMessage() + "); try again."));
        } catch (AdminException e) {
            return failed(action, target, by, e);
        }
    }

    /** A JSON object with these fields, in this order (pairs of name and value). */
    public static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private Stores open() {
        PostgresDatabase postgres;
        try {
            postgres = storage.postgres();
        } catch (IllegalArgumentException e) {
            throw AdminException.invalid(e.getMessage());
        }
        if (postgres != null) {
            try {
                return Stores.postgresUpToDate(postgres.url(), postgres.user(), postgres.password());
            } catch (RuntimeException e) {
                throw AdminException.databaseUnavailable("Cannot open the database " + postgres + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(storage.databaseFile())) {
            throw AdminException.databaseUnavailable("There is no database at " + storage.databaseFile()
                    + "; check --data-dir or --db-file (the server creates it when it first starts).");
        }
        try {
            return Stores.sqliteUpToDate(storage.databaseFile());
        } catch (RuntimeException e) {
            throw AdminException.databaseUnavailable("Cannot open the database " + storage.databaseFile() + ": "
                    + e.getMessage());
        }
    }

    private int failed(String action, String target, String by, AdminException e) {
        log.warn("admin action={} target={} by={} outcome={}", action, target, by, e.kind());
        if (json) {
            print(GSON.toJson(object("error", e.kind(), "message", e.getMessage())));
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(e.getMessage());
        err.flush();
        return e.exitCode();
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(text);
        out.flush();
    }
}
