package app.duet.bench.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Gathers pairs being set up; a pair whose set-up fails is left out and counted, not fatal to the run. */
public final class PairSetup {
    private PairSetup() {
    }

    /** Pairs that could not be set up, and the first reason. */
    public static final class Failures {
        private final LongAdder count = new LongAdder();
        private final AtomicReference<String> first = new AtomicReference<>();

        public void add(Throwable error) {
            count.increment();
            Throwable cause = error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
            first.compareAndSet(null, cause.toString());
        }

        public String describe() {
            return count.sum() == 0 ? "" : count.sum() + " pairs failed to set up and were left out (first: "
                    + first.get() + ")";
        }
    }

    public static <T> List<T> collect(List<CompletableFuture<T>> pending, Failures failures, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<T> pairs = new ArrayList<>(pending.size());
        for (CompletableFuture<T> pair : pending) {
            try {
                pairs.add(pair.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                failures.add(e);
            }
        }
        return pairs;
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
