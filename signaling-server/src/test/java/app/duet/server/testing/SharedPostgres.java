package app.duet.server.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link PrivatePostgres} for every test of the run that does not stop it, started by the first that
 * asks and stopped when JUnit finishes (the root context's store closes it): an initdb costs seconds, a
 * fresh database on it a few milliseconds. (Desktop-client's multi-node tests stop it and start it again
 * within one test, in a JVM where no other test runs at the same time: {@code ServerCluster.stopPostgres}.) As an extension, it hands it to a test's {@code PrivatePostgres}
 * parameters.
 */
public final class SharedPostgres implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedPostgres.class);


    private record Running(PrivatePostgres postgres) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            postgres.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivatePostgres.class;
    }

    @Override
    public PrivatePostgres resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return in(context);
    }

    public static PrivatePostgres in(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(Running.class, k -> new Running(PrivatePostgres.start()), Running.class)
                .postgres();
    }
}
