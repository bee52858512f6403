package app.duet.client.call.media;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.threads.DaemonThreads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a push into a native source at a fixed rate on a thread of its own. A push that throws is logged
 * (the first time only) and the next one still runs: a periodic task that throws is cancelled for good,
 * which would end the stream silently. Errors count too: AWT throws {@code AWTError} when $DISPLAY names
 * a display that is not there, and that once stopped the test pattern without a word.
 */
final class PeriodicPusher {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicPusher.class);
    private static final long STOP_TIMEOUT_SECONDS = 2;

    /** One push; native conversions declare checked exceptions. */
    interface Push {
        void run() throws Exception;
    }

    private final String what;
    private final Push push;
    private final ScheduledExecutorService timer;
    private volatile boolean failureLogged;

    /** Starts pushing after {@code initialDelay}, then every {@code period}; {@code what} names it in logs. */
    PeriodicPusher(String threadName, String what, long initialDelay, long period, TimeUnit unit, Push push) {
        this.what = what;
        this.push = push;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadName));
        timer.scheduleAtFixedRate(this::pushOnce, initialDelay, period, unit);
    }

    private void pushOnce() {
        try {
            push.run();
        } catch (Exception | Error e) {
            if (!failureLogged) {
                LOG.warn("Could not push {}", what, e);
                failureLogged = true;
            }
        }
    }

    /** Returns once no push is in flight (or after a bounded wait, logged), so the source can be disposed. */
    void stop() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The pusher of {} did not stop in time", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
