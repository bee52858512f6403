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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's threads besides the WebSocket ones: workers for blocking work (bcrypt, JDBC, SMTP) with a
 * bounded queue, one store writer so channel and call changes reach the database in order, one timer thread.
 */
final class ServerThreads implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerThreads.class);
    /** Pending blocking tasks beyond this are refused (the client gets RATE_LIMITED, "server busy"). */
    static final int WORKER_QUEUE = 1_000;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor storeWriter;
    private final ScheduledThreadPoolExecutor timers;

    ServerThreads(int workerThreads) {
        workers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), named("duet-worker"));
        storeWriter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), named("duet-store-writer"));
        timers = new ScheduledThreadPoolExecutor(1, named("duet-timer"));
        timers.setRemoveOnCancelPolicy(true);
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
     * Runs a blocking housekeeping task on a worker at a fixed rate. A tick that finds the worker queue full
     * is skipped: throwing would cancel the schedule for good.
     */
    void every(Duration period, Runnable task) {
        timers.scheduleAtFixedRate(() -> {
            try {
                workers.execute(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.error("housekeeping task failed", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                log.warn("housekeeping tick skipped: the workers are busy");
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops timers, lets workers finish, and flushes the store writer. */
    @Override
    public void close() {
        timers.shutdownNow();
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
