package app.duet.bench.calls;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded polling for conditions the engine exposes only as state (every wait ends by itself). */
final class Waits {
    private Waits() {
    }

    static void until(BooleanSupplier condition, Duration limit, String what)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what + " did not happen within " + limit.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
