package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Ok;
import app.duet.protocol.Request;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-ups racing on several worker threads all succeed: a write transaction that read first must not
 * fail with SQLITE_BUSY when another writer commits in between (it waits for the lock instead).
 */
@ExtendWith(NoLeakedThreads.class)
class ConcurrentSignupsIntegrationTest {
    static final int ACCOUNTS = 24;

    @TempDir
    Path dataDir;

    @Test
    void simultaneousSignUpsAllSucceed() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).workerThreads(4).build())) {
            for (int i = 0; i < ACCOUNTS; i++) {
                clients.add(TestClient.hello(server));
            }
            List<ServerMessage> replies = Simultaneously.send(clients, (c, i) -> c.request(
                    new Request.Signup(c.nextId(), "user" + i, "user" + i, "user" + i + "@example.org", "long enough password")));
            assertThat(replies).allSatisfy(reply -> assertThat(reply).isInstanceOf(Ok.class));
        } finally {
            for (TestClient c : clients) {
                c.close();
            }
        }
    }
}
