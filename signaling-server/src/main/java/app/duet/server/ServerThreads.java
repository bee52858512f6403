package app.duet.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's threads besides the WebSocket ones: workers for blocking work (bcrypt, JDBC, SMTP) with a
 * bounded queue, one store writer so channel and call changes reach the database in order, one timer thread,
 * and one thread for health probes, which may wait seconds on a database that is down.
 */
final class ServerThreads implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerThreads.class);
    /** Pending blocking tasks beyond this are refused (the client gets RATE_LIMITED, "server busy"). */
    static final int WORKER_QUEUE = 1_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor storeWriter;
    private final ScheduledThreadPoolExecutor timers;
    private final ScheduledThreadPoolExecutor probes;

    ServerThreads(int workerThreads) {
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), named("duet-worker"));
        storeWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), named("duet-store-writer"));
        timers = new ScheduledThreadPoolExecutor(1, named("duet-timer"));
        timers.setRemoveOnCancelPolicy(true);
        probes = new ScheduledThreadPoolExecutor(1, named("duet-health-probe"));
    }

    ExecutorService workers() {
        return workers;
    }

    ExecutorService storeWriter() {
        return storeWriter;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    /**
     * Runs a blocking housekeeping task on a worker at a fixed rate. A tick that finds the task's last run still
     * queued or running is skipped (a task slower than its period, e.g. waiting on a database that is down,
     * would otherwise fill the workers' queue), and so is one that finds the queue full: throwing would cancel
     * the schedule for good.
     */
    void every(Duration period, Runnable task) {
        AtomicBoolean pending = new AtomicBoolean();
        timers.scheduleAtFixedRate(() -> {
            if (!pending.compareAndSet(false, true)) {
                return;
            }
            try {
                workers.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("housekeeping task failed", e);
                    } finally {
                        pending.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                pending.set(false);
                log.warn("housekeeping tick skipped: the workers are busy");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code probe} with {@code delay} between the end of one run and the start of the next, on the probe
     * thread: a probe that waits on a dependency that is down takes no worker from the requests.
     */
    void probeEvery(Duration delay, Runnable probe) {
        probes.scheduleWithFixedDelay(() -> {
            try {
                probe.run();
            } catch (RuntimeException e) {
                log.error("health probe failed", e);
            }
        }, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops timers, lets workers finish, and flushes the store writer. */
    @Override
    public void close() {
        timers.shutdownNow();
        probes.shutdownNow();
        workers.shutdown();
        storeWriter.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            if (!storeWriter.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.error("channel and call changes still unwritten after {}", DRAIN_TIMEOUT);
                storeWriter.shutdownNow();
            }
            timers.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            probes.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
