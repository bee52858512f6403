package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.config.PostgresDatabase;
import app.duet.server.testing.PrivatePostgres;
import ch.qos.logback.classic.Level;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped under a running server ({@code pg_ctl stop -m fast}, as an admin or a crash would)
 * and started again: sign-ins and sign-ups are refused at once with STORAGE_UNAVAILABLE, the call in
 * progress goes on, /healthz says the database is unreachable (finding out by itself, and answering at
 * once), and when it is back everything works
 * without a restart. Its own PostgreSQL, since it stops it.
 */
@ExtendWith(NoLeakedThreads.class)
class PostgresOutageIntegrationTest {
    /** The shipped duet-haproxy.cfg checks every 2 s, and a check that takes longer fails. */
    private static final Duration BALANCER_CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static PrivatePostgres postgres;

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    @BeforeAll
    static void startPostgres() {
        postgres = PrivatePostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void signInsFailFastWhileItIsDownCallsGoOnAndItAllWorksWhenItIsBack() throws Exception {
        PostgresDatabase database = new PostgresDatabase(postgres.url(postgres.createDatabase()),
                PrivatePostgres.USER, PrivatePostgres.PASSWORD);
        try (DuetServer server = DuetServer.start(TestServers.config(dir).postgres(database).build());
                TestClient ola = TestClient.hello(server); TestClient pia = TestClient.hello(server)) {
            ola.ok(new Request.Signup(ola.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
            pia.ok(new Request.Signup(pia.nextId(), "pia", "Pia", "pia@example.org", "password-pia"));
            ola.ok(new Request.ChannelCreate(ola.nextId(), "talk"));
            pia.joinInvitedBy(ola, "talk");
            Result.CallRing ring = ola.ok(new Request.CallRing(ola.nextId(), "talk", Media.VIDEO));
            pia.ok(new Request.CallAccept(pia.nextId(), ring.callId()));

            postgres.stop();

            // /healthz finds out by itself (its background probe), and answers from what it knows without
            // waiting on the pool: a balancer's check that took the pool's 2 s would time out.
            await("/healthz reports the database unreachable").atMost(TestClient.TIMEOUT).until(() ->
                    TestServers.ops(server, "/healthz").body().contains("\"database\":\"unreachable\""));
            long asked = System.nanoTime();
            assertThat(TestServers.ops(server, "/healthz").statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("/healthz's answer")
                    .isLessThan(BALANCER_CHECK_TIMEOUT);

            try (TestClient kim = TestClient.hello(server)) {
                ErrorReply refused = kim.error(new Request.Login(kim.nextId(), "ola", "password-ola"),
                        ErrorCode.STORAGE_UNAVAILABLE);
                assertThat(refused.message()).contains("database");
                kim.error(new Request.Signup(kim.nextId(), "kim", "Kim", "kim@example.org", "password-kim"),
                        ErrorCode.STORAGE_UNAVAILABLE);
                kim.ok(new Request.Ping(kim.nextId()));
            }
            // The call in progress goes on: the relay and the channels the server holds need no database.
            ola.ok(new Request.Offer(ola.nextId(), ring.callId(), "v=0 offer"));
            assertThat(pia.awaitEvent(Event.Offer.class).sdp()).isEqualTo("v=0 offer");
            assertThat(ola.<Result.Channels>ok(new Request.ChannelsList(ola.nextId())).channels())
                    .extracting(ChannelInfo::name).containsExactly("talk");
            HttpResponse<String> health = TestServers.ops(server, "/healthz");
            assertThat(health.statusCode()).as("a balancer sends new users elsewhere").isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"unreachable\"");
            assertThat(log.storageWarnings()).as("one line for the outage, no stack trace").hasSize(1)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());

            postgres.startAgain();

            await("sign-ins work again").atMost(TestClient.TIMEOUT).untilAsserted(() -> {
                try (TestClient kim = TestClient.hello(server)) {
                    kim.ok(new Request.Signup(kim.nextId(), "kim", "Kim", "kim@example.org", "password-kim"));
                }
            });
            try (TestClient olaAgain = TestClient.hello(server)) {
                olaAgain.ok(new Request.Login(olaAgain.nextId(), "ola", "password-ola"));
            }
            ola.ok(new Request.Answer(ola.nextId(), ring.callId(), "v=0 answer"));
            assertThat(TestServers.ops(server, "/healthz").statusCode()).isEqualTo(200);
            assertThat(log.events()).anyMatch(e -> e.getFormattedMessage().contains("database answers again"));
            assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);
        }
    }
}
