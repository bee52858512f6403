package app.duet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every schema migration has a PostgreSQL twin and the other way round (db/migration/README.md): the same
 * file names, so the same versions and descriptions, in both engines' folders, and none left in the parent
 * folder where neither engine's Flyway looks. What each twin contains is checked by the store contract
 * tests, which run on both.
 */
class MigrationTwinsTest {
    private static Path folder(String location) throws URISyntaxException {
        String resource = location.substring("classpath:".length());
        return Path.of(MigrationTwinsTest.class.getClassLoader().getResource(resource).toURI());
    }

    private static List<String> sqlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql"))
                    .map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sqliteAndPostgresqlHaveTheSameMigrations() throws Exception {
        List<String> sqlite = sqlFiles(folder(SqlDialect.SQLITE.migrations()));
        List<String> postgresql = sqlFiles(folder(SqlDialect.POSTGRESQL.migrations()));

        assertThat(sqlite).as("the SQLite migrations").isNotEmpty().allMatch(f -> f.matches("V\\d+__\\w+\\.sql"));
        assertThat(postgresql).as("PostgreSQL twins (db/migration/postgresql) of the SQLite migrations")
                .containsExactlyElementsOf(sqlite);
    }

    @Test
    void noMigrationIsLeftWhereNeitherEngineLooks() throws Exception {
        Path parent = folder(SqlDialect.SQLITE.migrations()).getParent();
        assertThat(sqlFiles(parent)).as("migrations in db/migration itself: move each into sqlite/ and give it a "
                + "twin in postgresql/").isEmpty();
    }
}
