package app.duet.server.channels;

import java.time.Duration;

/**
 * How long calls wait.
 *
 * @param ring               an unanswered ring ends with "no answer"
 * @param grace              a side whose connection dropped keeps its call this long to resume
 * @param graceAfterRestart  calls read back after a restart wait this long for each side: both lost the
 *                           server at once and reconnect with backoff, so it is longer than {@code grace}
 */
public record CallTimeouts(Duration ring, Duration grace, Duration graceAfterRestart) {
}
