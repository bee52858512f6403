package app.duet.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh SQLite file in a temp folder, brought up to date by the real Flyway migrations
 * through {@link Stores#sqlite}, and removes it afterwards. Register it in the SQLite side of a store
 * contract test; another implementation (PostgreSQL) would come with its own extension.
 */
public final class SqliteStoresExtension implements BeforeEachCallback, AfterEachCallback, StoresProvider {
    private Path dir;
    private Stores stores;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("duet-store-test");
        stores = Stores.sqlite(file());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        stores.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public Stores stores() {
        return stores;
    }

    private Path file() {
        return dir.resolve("duet.db");
    }
}
