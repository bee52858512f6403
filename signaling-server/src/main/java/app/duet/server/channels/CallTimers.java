package app.duet.server.channels;

import java.time.Duration;

/**
 * Starts and stops call timers (ring timeout, grace periods); a due timer comes back to the registry, which
 * runs {@link CallTable#timerFiredLocked}. Called under the registry lock.
 */
interface CallTimers {
    void start(CallTimer timer, Duration delay);

    /** Stopping a timer that has fired or was never started does nothing. */
    void stop(CallTimer timer);
}
