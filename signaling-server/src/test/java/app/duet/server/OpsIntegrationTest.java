package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.IceServer;
import app.duet.protocol.Media;
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
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).nodeId("node-a").build());
                TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "quin", "Quin", "quin@example.org", "password-q"));
            c.error(new Request.Login(c.nextId(), "quin", "x"), app.duet.protocol.ErrorCode.ALREADY_AUTHENTICATED);
            HttpResponse<String> health = TestServers.ops(server, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"ok\"}\n");
            HttpResponse<String> response = TestServers.ops(server, "/metrics");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            String metrics = response.body();
            assertThat(metrics.lines())
                    .contains("# TYPE duet_connections gauge", "duet_connections 1.0")
                    .contains("duet_requests_total{type=\"signup\"} 1.0", "duet_request_seconds_count{type=\"signup\"} 1")
                    .contains("duet_errors_total{code=\"ALREADY_AUTHENTICATED\"} 1.0")
                    .contains("duet_calls_active 0.0", "duet_channels 0.0", "duet_connections_opened_total 1.0")
                    .contains("duet_logins_total{result=\"ok\"} 0.0")
                    .contains("duet_node_info{node=\"node-a\",version=\"" + DuetServer.VERSION + "\"} 1")
                    .contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE jvm_gc_collection_seconds summary",
                            "# TYPE jvm_threads_current gauge", "# TYPE process_open_fds gauge");
            assertThat(value(metrics, "duet_store_seconds_count{operation=\"transaction\"}"))
                    .as("the sign-up's insert, timed").isPositive();
            assertThat(TestServers.ops(server, "/nothing").statusCode()).isEqualTo(404);
        }
    }

    /** A relayed offer is counted and timed from its frame arriving to its delivery to the other member. */
    @Test
    void relayedMessagesAreCountedAndTimed() throws Exception {
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).build());
                TestClient ola = TestClient.hello(server); TestClient pia = TestClient.hello(server)) {
            ola.ok(new Request.Signup(ola.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
            pia.ok(new Request.Signup(pia.nextId(), "pia", "Pia", "pia@example.org", "password-pia"));
            ola.ok(new Request.ChannelCreate(ola.nextId(), "talk"));
            pia.joinInvitedBy(ola, "talk");
            Result.CallRing ring = ola.ok(new Request.CallRing(ola.nextId(), "talk", Media.VIDEO));
            pia.ok(new Request.CallAccept(pia.nextId(), ring.callId()));
            ola.ok(new Request.Offer(ola.nextId(), ring.callId(), "v=0 offer"));
            pia.awaitEvent(Event.Offer.class);
            // Refused (no such call): neither relayed nor timed as a relay.
            ola.error(new Request.Offer(ola.nextId(), "no-such-call", "v=0 offer"), ErrorCode.CALL_NOT_FOUND);

            String metrics = TestServers.ops(server, "/metrics").body();
            assertThat(metrics.lines()).contains("duet_relayed_messages_total 1.0", "duet_relay_seconds_count 1",
                    "duet_requests_total{type=\"offer\"} 2.0", "duet_request_seconds_count{type=\"call_accept\"} 1");
            assertThat(metrics).as("relayed messages are timed once, as relayed")
                    .doesNotContain("duet_request_seconds_count{type=\"offer\"}");
            assertThat(value(metrics, "duet_relay_seconds_sum")).isPositive().isLessThan(TestClient.TIMEOUT.toSeconds());
        }
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError(series + " not on /metrics"));
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
