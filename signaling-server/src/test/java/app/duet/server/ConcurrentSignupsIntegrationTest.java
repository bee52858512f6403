package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Ok;
import app.duet.protocol.Request;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<TestClient> clients = new ArrayList<>();
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).workerThreads(4).build())) {
            for (int i = 0; i < ACCOUNTS; i++) {
                clients.add(TestClient.hello(server));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ServerMessage>> replies = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                TestClient c = clients.get(i);
                String name = "user" + i;
                replies.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return c.request(new Request.Signup(c.nextId(), name, name, name + "@example.org", "long enough password"));
                }, senders));
            }
            go.countDown();
            for (CompletableFuture<ServerMessage> reply : replies) {
                assertThat(reply.join()).isInstanceOf(Ok.class);
            }
        } finally {
            for (TestClient c : clients) {
                c.close();
            }
            senders.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
