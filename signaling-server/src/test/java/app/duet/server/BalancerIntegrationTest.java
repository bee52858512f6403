package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Request;
import app.duet.server.PrivateHaproxy.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes behind a real HAProxy running the configuration Duet ships: WebSocket clients sign in through
 * it over TLS, connections are spread by count, and a node that is stopped or whose /healthz fails is taken out
 * by the file's health check, so new and reconnecting clients reach the other. Each node has its own SQLite
 * file (shared state across nodes is not what this tests), so the user is created on both.
 */
class BalancerIntegrationTest {
    /** Down takes 2 failed checks 2 s apart, up 3 good ones: well within this on a loaded machine. */
    private static final Duration CHECKS = Duration.ofSeconds(30);
    private static final long DISK_BYTES = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void spreadsClientsAndSendsThemToTheOtherNodeWhenOneStops() throws Exception {
        try (DuetServer one = node("one", dir.resolve("one")); DuetServer two = node("two", dir.resolve("two"));
                PrivateHaproxy haproxy = PrivateHaproxy.start(dir.resolve("haproxy"), one, two)) {
            awaitState(haproxy, "node1", State.UP);
            awaitState(haproxy, "node2", State.UP);
            List<TestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    clients.add(signedIn(haproxy));
                }
                // leastconn: each new connection went to the node with fewer.
                await().atMost(TestClient.TIMEOUT).until(() -> connections(one) == 2 && connections(two) == 2);

                two.close();
                awaitState(haproxy, "node2", State.DOWN);
                List<TestClient> dropped = clients.stream().filter(c -> !c.isOpen()).toList();
                assertThat(dropped).as("node two's clients lost their connection").hasSize(2);
                for (int i = 0; i < dropped.size(); i++) {
                    clients.add(signedIn(haproxy)); // as each dropped client reconnects
                }
                clients.add(signedIn(haproxy)); // and someone new
                await().atMost(TestClient.TIMEOUT).until(() -> connections(one) == 5);
            } finally {
                for (TestClient c : clients) {
                    c.close();
                }
            }
        }
    }

    /**
     * A full disk makes node two's /healthz answer 503: the balancer stops sending it new clients, the one
     * connected there keeps its connection, and the node is taken back once it is healthy again.
     */
    @Test
    void takesAnUnhealthyNodeOutForNewClientsAndBackWhenHealthy() throws Exception {
        try (TestDisk disk = TestDisk.tmpfs(DISK_BYTES); DuetServer one = node("one", dir.resolve("one"));
                DuetServer two = node("two", disk.dir().resolve("data"));
                PrivateHaproxy haproxy = PrivateHaproxy.start(dir.resolve("haproxy"), one, two)) {
            awaitState(haproxy, "node1", State.UP);
            awaitState(haproxy, "node2", State.UP);
            try (TestClient first = signedIn(haproxy); TestClient second = signedIn(haproxy)) {
                await().atMost(TestClient.TIMEOUT).until(() -> connections(one) == 1 && connections(two) == 1);

                Path filler = disk.dir().resolve("filler");
                disk.fill(filler);
                try (TestClient direct = TestClient.hello(two)) { // a write that fails marks the node unwritable
                    direct.error(new Request.Signup(direct.nextId(), "kim", "Kim", "kim@example.org", "password-kim"),
                            ErrorCode.STORAGE_UNAVAILABLE);
                }
                assertThat(TestServers.ops(two, "/healthz").statusCode()).isEqualTo(503);
                awaitState(haproxy, "node2", State.DOWN);
                try (TestClient third = signedIn(haproxy); TestClient fourth = signedIn(haproxy)) {
                    await().atMost(TestClient.TIMEOUT).until(() -> connections(one) == 3);
                    assertThat(connections(two)).as("the client already there stays").isEqualTo(1);
                    assertThat(first.isOpen() && second.isOpen()).isTrue();
                }

                Files.delete(filler);
                try (TestClient direct = TestClient.hello(two)) { // a write that succeeds makes it writable again
                    direct.ok(new Request.Signup(direct.nextId(), "kim", "Kim", "kim@example.org", "password-kim"));
                }
                awaitState(haproxy, "node2", State.UP);
            }
        }
    }

    /** A node with the user "ola" in its own database, its ops port free for the balancer's health check. */
    private static DuetServer node(String name, Path dataDir) throws Exception {
        DuetServer server = DuetServer.start(TestServers.config(dataDir).nodeId(name).build());
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Signup(c.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
        }
        return server;
    }

    /** A client through the balancer (TLS ends there), signed in. */
    private static TestClient signedIn(PrivateHaproxy haproxy) throws InterruptedException {
        TestClient c = TestClient.connect(haproxy.uri(), haproxy.trust());
        c.ok(new Request.Hello(c.nextId(), 1, "balancer-test"));
        c.ok(new Request.Login(c.nextId(), "ola", "password-ola"));
        return c;
    }

    private static void awaitState(PrivateHaproxy haproxy, String server, State state) {
        await(server + " " + state + " in haproxy's stats").atMost(CHECKS).pollInterval(Duration.ofMillis(200))
                .until(() -> haproxy.state(server) == state);
    }

    /** Open WebSocket connections on the node, from its /metrics. */
    private static long connections(DuetServer node) throws Exception {
        return TestServers.ops(node, "/metrics").body().lines().filter(l -> l.startsWith("duet_connections "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring("duet_connections ".length()))).sum();
    }
}
