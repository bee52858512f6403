package app.duet.server.store;

import app.duet.server.testing.PrivatePostgres;
import app.duet.server.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link SqliteStoresExtension} for PostgreSQL: each test class gets a new database on the run's
 * {@link SharedPostgres}, brought up to date by the real migrations through {@link Stores#postgres}, and
 * each test gets those {@link Stores} with every table emptied (a new database per test cost a second or
 * two). The database is dropped after the class.
 */
public final class PostgresStoresExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresStoresExtension.class);
    /** Every table the migrations made but Flyway's own, emptied in one statement. */
    private static final String EMPTY_ALL_TABLES = """
            DO $$ BEGIN
              EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE'
                       FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history');
            END $$""";

    private record ClassDatabase(PrivatePostgres postgres, String name, Stores stores)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stores.close();
            postgres.dropDatabase(name);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        ClassDatabase db = database(context);
        try (Connection c = DriverManager.getConnection(db.postgres().url(db.name()), PrivatePostgres.USER,
                PrivatePostgres.PASSWORD); Statement s = c.createStatement()) {
            s.execute(EMPTY_ALL_TABLES);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stores.class;
    }

    @Override
    public Stores resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context).stores();
    }

    private static ClassDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().filter(p -> p.getTestMethod().isEmpty()).orElse(context);
        return classContext.getStore(NS).getOrComputeIfAbsent(ClassDatabase.class, k -> {
            PrivatePostgres postgres = SharedPostgres.in(context);
            String name = postgres.createDatabase();
            return new ClassDatabase(postgres, name,
                    Stores.postgres(postgres.url(name), PrivatePostgres.USER, PrivatePostgres.PASSWORD, RoundTrips.NONE));
        }, ClassDatabase.class);
    }
}
