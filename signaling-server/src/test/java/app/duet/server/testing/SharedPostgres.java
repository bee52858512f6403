package app.duet.server.testing;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PrivatePostgres} for every test of the run that does not stop it, started by the first that
 * asks and stopped when JUnit finishes (the root context's store closes it): an initdb costs seconds, a
 * fresh database on it a few milliseconds.
 */
public final class SharedPostgres {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedPostgres.class);

    private SharedPostgres() {
    }

    private record Running(PrivatePostgres postgres) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            postgres.close();
        }
    }

    public static PrivatePostgres in(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(Running.class, k -> new Running(PrivatePostgres.start()), Running.class)
                .postgres();
    }
}
