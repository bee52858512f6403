package app.duet.server.channels;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The call timers of a lone node: one scheduled task each on its timer thread. */
final class LocalCallTimers implements CallTimers {
    private final Map<CallTimer, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final Consumer<CallTimer> due;

    /** {@code due} runs on the timer thread, outside the registry lock. */
    LocalCallTimers(ScheduledExecutorService executor, Consumer<CallTimer> due) {
        this.executor = executor;
        this.due = due;
    }

    @Override
    public void start(CallTimer timer, Duration delay) {
        pending.put(timer, executor.schedule(() -> {
            pending.remove(timer);
            due.accept(timer);
        }, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void stop(CallTimer timer) {
        ScheduledFuture<?> future = pending.remove(timer);
        if (future != null) {
            future.cancel(false);
        }
    }
}
