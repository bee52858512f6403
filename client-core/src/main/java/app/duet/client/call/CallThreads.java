package app.duet.client.call;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import app.duet.client.call.threads.DaemonThreads;
import app.duet.client.call.threads.GuardedTasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's serial threads: its own (negotiation, peer connection, media), the data channel's, and the one
 * that streams files out, so a long file never holds up chat.
 */
final class CallThreads {

    private static final Logger LOG = LoggerFactory.getLogger(CallThreads.class);

    final ScheduledExecutorService call;
    final ExecutorService data;
    final ExecutorService fileSend;
    private final Consumer<String> problems;

    /** @param problems told, in words for a person, when a task on the call thread fails */
    CallThreads(String id, Consumer<String> problems) {
        this.call = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("duet-call-" + id));
        this.data = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-data-" + id));
        this.fileSend = Executors.newSingleThreadExecutor(DaemonThreads.named("duet-call-files-" + id));
        this.problems = problems;
    }

    /** Runs {@code task} on the call thread; a failure is logged and reported, a task after the end dropped. */
    void onCallThread(Runnable task) {
        GuardedTasks.execute(call, task, e -> {
            LOG.error("Call task failed", e);
            problems.accept("Something went wrong in the call: " + e.getMessage());
        }, "a call task after the call ended");
    }

    /** Runs {@code task} on the data thread and waits for it, at most {@code seconds}; a failure is logged. */
    void onDataThreadAndWait(Runnable task, long seconds, String what) {
        try {
            data.submit(task).get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{} failed", what, e);
        }
    }

    /** Stops file sending at once; the data and call threads finish what they have (the call's teardown). */
    void shutdown() {
        fileSend.shutdownNow();
        data.shutdown();
        call.shutdown();
    }

    /** Waits until the call thread has finished, at most {@code seconds}. */
    void awaitCallThread(long seconds) {
        try {
            if (!call.awaitTermination(seconds, TimeUnit.SECONDS)) {
                LOG.warn("Call teardown did not finish in {} s", seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
