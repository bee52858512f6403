package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Housekeeping that is slower than its period (a poll waiting on a database that is down) does not pile up. */
class ServerThreadsTest {

    @Test
    void aTickIsSkippedWhileTheTasksLastRunIsStillGoing() throws InterruptedException {
        CountDownLatch databaseBack = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (ServerThreads threads = new ServerThreads(2)) {
            ThreadPoolExecutor workers = (ThreadPoolExecutor) threads.workers();
            threads.every(Duration.ofMillis(10), () -> {
                runs.incrementAndGet();
                try {
                    databaseBack.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().until(() -> runs.get() == 1);
            // Thirty ticks and more while the first run waits: none of them is queued behind it.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> workers.getQueue().isEmpty() && runs.get() == 1);

            databaseBack.countDown();
            await("the task runs again once its last run is over").until(() -> runs.get() > 1);
            assertThat(workers.getActiveCount()).as("one run at a time").isLessThanOrEqualTo(1);
        }
    }
}
