package app.duet.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test fresh {@link Stores} on a new SQLite file in a temp folder, brought up to date by the
 * real Flyway migrations through {@link Stores#sqlite}, as a {@code Stores} parameter (the contracts take
 * it in {@link StoreContract}), and removes the file afterwards. {@link PostgresStoresExtension} does the same on
 * PostgreSQL; each contract has one subclass per extension.
 */
public final class SqliteStoresExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SqliteStoresExtension.class);

    private record Opened(Path dir, Stores stores) {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("duet-store-test");
        context.getStore(NS).put(Opened.class, new Opened(dir, Stores.sqlite(dir.resolve("duet.db"))));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Opened opened = context.getStore(NS).remove(Opened.class, Opened.class);
        opened.stores().close();
        try (Stream<Path> files = Files.walk(opened.dir())) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stores.class;
    }

    @Override
    public Stores resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(Opened.class, Opened.class).stores();
    }
}
