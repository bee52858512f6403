package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.Accounts.Account;
import app.duet.server.store.ActiveCalls.Side;
import app.duet.server.store.ActiveCalls.StoredCall;
import app.duet.server.store.CallHistory.FinishedCall;
import app.duet.server.store.CallHistory.Query;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database a version-2 server wrote, with its data, opened by this version: V3 adds history and loses nothing. */
class HistoryMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aVersion2DatabaseUpgradesWithItsDataIntact() {
        Path file = dir.resolve("duet.db");
        try (HikariDataSource v2 = Database.sqlite(file)) {
            Flyway.configure().dataSource(v2).locations(SqlDialect.SQLITE.migrations()).target("2").load().migrate();
            Jdbc jdbc = new Jdbc(v2, SqlDialect.SQLITE, new StorageHealth(), RoundTrips.NONE);
            // Written as a version-2 server wrote them (today's store code knows later columns).
            for (String user : new String[] {"ola", "pia"}) {
                Account a = StoreFixtures.account(user);
                jdbc.update("INSERT INTO accounts (username, display_name, email, password_hash, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", a.username(), a.displayName(), a.email(), a.passwordHash(),
                        a.createdAt().toEpochMilli());
            }
            new JdbcChannels(jdbc).create("talk", "ola", T0, StoreFixtures.MAX_OWNED);
            jdbc.update("INSERT INTO channel_members (channel, username, joined_at) VALUES (?, ?, ?)", "talk", "pia",
                    T0.toEpochMilli());
            new JdbcActiveCalls(jdbc).add(call());
            assertThat(jdbc.query("SELECT name FROM sqlite_master WHERE name = 'call_history'", r -> r.getString(1)))
                    .isEmpty();
        }

        try (Stores v3 = Stores.sqlite(file)) {
            assertThat(v3.accounts().findByUsername("pia")).contains(StoreFixtures.account("pia"));
            assertThat(v3.channels().loadAll()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("talk");
                assertThat(c.members()).extracting(Channels.Member::username).containsExactly("ola", "pia");
            });
            assertThat(v3.activeCalls().loadAll()).containsExactly(call());

            v3.callHistory().record(new FinishedCall("c1", "talk", "ola", "pia", "video", "missed", T0, null, T0, true));
            assertThat(v3.callHistory().read(new Query("pia", "talk", Long.MAX_VALUE, 10))).hasSize(1);
        }
    }

    private static StoredCall call() {
        return new StoredCall("c0", "talk", new Side("ola", "s-ola"), new Side("pia", "s-pia"), "audio", T0);
    }
}
