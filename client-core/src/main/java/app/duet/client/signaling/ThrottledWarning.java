package app.duet.client.signaling;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * A warning that can repeat as fast as a broken server sends junk: the first is logged, then at most one line
 * per interval, saying how many were left out since the last line, so a flood cannot fill the user's log.
 */
final class ThrottledWarning {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean loggedBefore;
    private long lastLogged;
    private int leftOut;

    ThrottledWarning(Logger log, String what, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    synchronized void warn(String detail) {
        long now = nanoTime.getAsLong();
        if (loggedBefore && now - lastLogged < intervalNanos) {
            leftOut++;
            return;
        }
        if (leftOut > 0) {
            log.warn("{}: {} ({} more since the last such line)", what, detail, leftOut);
        } else {
            log.warn("{}: {}", what, detail);
        }
        loggedBefore = true;
        lastLogged = now;
        leftOut = 0;
    }
}
