package app.duet.client.call.threads;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands tasks to an executor so that a task that throws is reported rather than lost with the executor's
 * thread, and a task that comes after the executor shut down is dropped (a call that ended ignores late
 * events).
 */
public final class GuardedTasks {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedTasks.class);

    private GuardedTasks() {
    }

    /**
     * @param failed    told, on the executor, of what {@code task} threw
     * @param droppedAs what a dropped task was, for the debug log ("a call event")
     */
    public static void execute(Executor executor, Runnable task, Consumer<RuntimeException> failed,
                               String droppedAs) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Dropping {}: its executor is shut down", droppedAs);
        }
    }
}
