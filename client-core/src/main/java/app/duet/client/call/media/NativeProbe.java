package app.duet.client.call.media;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import app.duet.client.call.threads.DaemonThreads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a native call that may hang (libpulse without a server) on its own daemon thread and gives up
 * after a timeout. A hung thread stays parked forever but, being a daemon, never keeps the JVM alive.
 */
final class NativeProbe {

    private static final Logger LOG = LoggerFactory.getLogger(NativeProbe.class);

    private NativeProbe() {
    }

    static <T> Optional<T> call(String what, Callable<T> call, long timeoutMillis) {
        return call(what, call, timeoutMillis, late -> { });
    }

    /** Like {@link #call(String, Callable, long)}; {@code lateCleanup} receives a result that arrives after the timeout. */
    static <T> Optional<T> call(String what, Callable<T> call, long timeoutMillis, Consumer<T> lateCleanup) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // A fresh daemon thread per probe: one that hangs in libpulse stays parked forever without
        // blocking later probes or the JVM's exit.
        DaemonThreads.named("duet-native-probe").newThread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) { // java.lang.Error is how the native layer reports device failures
                result.completeExceptionally(e);
            }
        }).start();
        try {
            return Optional.ofNullable(result.get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            result.thenAccept(lateCleanup);
            LOG.warn("{} did not answer within {} ms; treating it as unavailable", what, timeoutMillis);
        } catch (ExecutionException e) {
            LOG.info("{} failed: {}", what, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
