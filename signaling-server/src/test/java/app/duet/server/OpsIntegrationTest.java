package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.IceServer;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.turn.IceServersProvider;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedThreads.class)
class OpsIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void healthAndMetrics() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).build());
                TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "quin", "Quin", "quin@example.org", "password-q"));
            c.error(new Request.Login(c.nextId(), "quin", "x"), app.duet.protocol.ErrorCode.ALREADY_AUTHENTICATED);
            HttpResponse<String> health = TestServers.ops(server, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"ok\"}\n");
            String metrics = TestServers.ops(server, "/metrics").body();
            assertThat(metrics)
                    .contains("# TYPE duet_connections gauge", "duet_connections 1")
                    .contains("duet_requests_total{type=\"signup\"} 1")
                    .contains("duet_errors_total{code=\"ALREADY_AUTHENTICATED\"} 1")
                    .contains("duet_calls_active 0", "duet_channels 0", "duet_connections_opened_total 1");
            assertThat(TestServers.ops(server, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void opsEndpointCanBeTurnedOff() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).build())) {
            assertThat(server.opsPort()).isEqualTo(-1);
        }
    }

    @Test
    void iceServersCarryStunAndTurnRestCredentials() throws Exception {
        String secret = "coturn-static-auth-secret";
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir)
                .stunUrls(List.of("stun:turn.example.org:3478"))
                .turnUrls(List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"))
                .turnSecret(secret).turnCredentialTtl(Duration.ofHours(2)).build());
                TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "rae", "Rae", "rae@example.org", "password-r"));
            Result.IceServers ice = c.ok(new Request.IceServers(c.nextId()));
            assertThat(ice.ttlSeconds()).isEqualTo(7200);
            assertThat(ice.iceServers()).hasSize(2);
            assertThat(ice.iceServers().get(0)).isEqualTo(new IceServer(List.of("stun:turn.example.org:3478"), null, null));
            IceServer turn = ice.iceServers().get(1);
            assertThat(turn.urls()).containsExactly("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349");
            String[] parts = turn.username().split(":");
            assertThat(parts[1]).isEqualTo("rae");
            long expiry = Long.parseLong(parts[0]);
            assertThat(expiry).isBetween(Instant.now().getEpochSecond() + 7100, Instant.now().getEpochSecond() + 7300);
            assertThat(turn.credential()).isEqualTo(IceServersProvider.credential(secret, turn.username()));
        }
    }

    @Test
    void withoutTurnOrStunThereAreNoIceServers() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).build());
                TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "sam", "Sam", "sam@example.org", "password-s"));
            Result.IceServers ice = c.ok(new Request.IceServers(c.nextId()));
            assertThat(ice.iceServers()).isEmpty();
        }
    }
}
