package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.AdminCli.Run;
import app.duet.server.config.PostgresDatabase;
import app.duet.server.testing.PrivatePostgres;
import app.duet.server.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with its accounts in a real PostgreSQL (the run's private one, a new database per
 * test): real WebSocket clients sign up, log in, make a channel and ring; the admin commands reach the
 * same database; and what was stored is there for the next server process.
 */
@ExtendWith({SharedPostgres.class, NoLeakedThreads.class})
class PostgresIntegrationTest {
    @TempDir
    Path dir;

    private PostgresDatabase database;

    @BeforeEach
    void newDatabase(PrivatePostgres postgres) {
        database = new PostgresDatabase(postgres.url(postgres.createDatabase()), PrivatePostgres.USER,
                PrivatePostgres.PASSWORD);
    }

    private DuetServer start() throws Exception {
        return DuetServer.start(TestServers.config(dir.resolve("data")).postgres(database).build());
    }

    @Test
    void usersSignUpLogInMeetInAChannelAndRing() throws Exception {
        try (DuetServer server = start(); TestClient ola = TestClient.hello(server); TestClient pia = TestClient.hello(server)) {
            ola.ok(new Request.Signup(ola.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
            pia.ok(new Request.Signup(pia.nextId(), "pia", "Pia", "pia@example.org", "password-pia"));
            try (TestClient olaAgain = TestClient.hello(server)) {
                olaAgain.ok(new Request.Login(olaAgain.nextId(), "ola", "password-ola"));
            }
            ola.ok(new Request.ChannelCreate(ola.nextId(), "talk"));
            pia.joinInvitedBy(ola, "talk");

            Result.CallRing ring = ola.ok(new Request.CallRing(ola.nextId(), "talk", Media.AUDIO));
            assertThat(pia.awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(ring.callId());
            pia.ok(new Request.CallAccept(pia.nextId(), ring.callId()));
            ola.ok(new Request.Offer(ola.nextId(), ring.callId(), "v=0 offer"));
            assertThat(pia.awaitEvent(Event.Offer.class).sdp()).isEqualTo("v=0 offer");

            assertThat(TestServers.ops(server, "/healthz").body()).contains("\"database\":\"ok\"");
            assertThat(Files.exists(dir.resolve("data").resolve("duet.db"))).as("no SQLite file beside it").isFalse();
        }
        try (DuetServer again = start(); TestClient ola = TestClient.hello(again)) {
            ola.ok(new Request.Login(ola.nextId(), "ola", "password-ola"));
            assertThat(ola.<Result.Channels>ok(new Request.ChannelsList(ola.nextId())).channels())
                    .extracting(ChannelInfo::name).containsExactly("talk");
        }
    }

    @Test
    void adminCommandsWorkOnTheSameDatabaseWithThePasswordFromTheConfigFile() throws Exception {
        Path config = dir.resolve("duet-server.properties");
        Files.writeString(config, "db-url=" + database.url() + "\ndb-user=" + database.user()
                + "\ndb-password=" + database.password() + "\n");
        AdminCli cli = new AdminCli(dir.resolve("data"));
        try (DuetServer server = start(); TestClient ola = TestClient.hello(server)) {
            ola.ok(new Request.Signup(ola.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));

            Run list = cli.run("user", "list", "--json", "--config", config.toString());
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("\"ola\"");
            Run disable = cli.run("user", "disable", "ola", "--config", config.toString());
            assertThat(disable.exit()).as(disable.err()).isZero();

            ola.awaitClose();
            try (TestClient olaAgain = TestClient.hello(server)) {
                olaAgain.error(new Request.Login(olaAgain.nextId(), "ola", "password-ola"),
                        ErrorCode.ACCOUNT_DISABLED);
            }
        }
    }

    @Test
    void thePasswordIsRefusedOnTheCommandLine() {
        Run run = new AdminCli(dir.resolve("data")).run("user", "list", "--db-url", database.url(),
                "--db-password", database.password());
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("DUET_DB_PASSWORD", "not on the command line");
    }
}
