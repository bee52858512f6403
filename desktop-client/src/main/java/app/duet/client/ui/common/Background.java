package app.duet.client.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs slow work (files, devices) on a worker and hands the result back on the UI executor, so view
 * models never block the FX thread. Tests pass their own executors.
 */
public final class Background {
    private final Executor worker;
    private final Executor ui;

    public Background(Executor worker, Executor ui) {
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Runs {@code task} on the worker; the returned future completes on the UI executor. */
    public <T> CompletableFuture<T> supply(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                T value = task.call();
                ui.execute(() -> result.complete(value));
            } catch (Exception e) {
                ui.execute(() -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    /** Runs {@code task} on the worker; the future completes on the UI executor. */
    public CompletableFuture<Void> run(ThrowingRunnable task) {
        return supply(() -> {
            task.run();
            return null;
        });
    }

    public Executor uiExecutor() {
        return ui;
    }

    /** Unwraps {@link CompletionException}s for error messages. */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
