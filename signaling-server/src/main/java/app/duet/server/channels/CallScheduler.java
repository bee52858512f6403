package app.duet.server.channels;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/** Runs an action under the registry lock after a delay (ring timeouts, grace periods). */
interface CallScheduler {
    ScheduledFuture<?> schedule(Duration delay, Consumer<Outbox> lockedAction);
}
