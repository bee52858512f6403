package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Request;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with a real Redis: /healthz reports it, a Redis that goes away makes the node unhealthy and its
 * logins fail with a clear error while its connections stay up, and the node recovers by itself when
 * Redis is back. A Redis that cannot be reached at start stops the start.
 */
@ExtendWith(NoLeakedThreads.class)
class RedisHealthIntegrationTest {
    /** Lettuce's reconnect backoff tops out at 30 s. */
    private static final Duration RECONNECT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void healthFollowsRedisAndLoginsFailClearlyWhileItIsAway() throws Exception {
        try (PrivateRedis redis = PrivateRedis.start(dir.resolve("redis"));
             DuetServer server = DuetServer.start(TestServers.config(dir.resolve("data"))
                     .redisUrl(redis.url()).nodeId("health-test").build());
             TestClient client = TestClient.hello(server)) {
            assertThat(TestServers.ops(server, "/healthz").body()).contains("\"redis\":\"ok\"");
            client.ok(new Request.Signup(client.nextId(), "erin", "Erin", "erin@example.org", "password-of-erin"));

            redis.close();

            HttpResponse<String> down = TestServers.ops(server, "/healthz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"redis\":\"unreachable\"");
            try (TestClient other = TestClient.hello(server)) {
                other.error(new Request.Login(other.nextId(), "erin", "password-of-erin"), ErrorCode.INTERNAL);
            }
            assertThat(client.isOpen()).isTrue();

            redis.restart();

            await("node reconnected to Redis").atMost(RECONNECT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> TestServers.ops(server, "/healthz").statusCode() == 200);
            try (TestClient again = TestClient.hello(server)) {
                again.ok(new Request.Login(again.nextId(), "erin", "password-of-erin"));
            }
        }
    }

    @Test
    void aRedisThatCannotBeReachedStopsTheStart() throws Exception {
        PrivateRedis redis = PrivateRedis.start(dir.resolve("redis"));
        String url = redis.url();
        redis.close();
        assertThatThrownBy(() -> DuetServer.start(TestServers.config(dir.resolve("data")).redisUrl(url).build()))
                .hasMessageContaining("Cannot reach Redis");
    }
}
