package app.duet.client.call;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.peer.PeerSession;
import app.duet.client.call.stats.AudioStats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When media may settle after a negotiation (pushed audio released, tracks re-attached): libwebrtc starts
 * the audio module's recording on its worker thread once the connection first becomes writable, and pushed
 * audio must not flow until that has happened and been stopped again (a push racing the module's recording
 * aborts the JVM). The first time, the audio sender's first packet shows it: with our pushes held, only the
 * module's recording can have produced it. Stats are polled until then, or for at most the fixed delay that
 * later negotiations keep (their counter no longer starts at zero), e.g. for a module that never records (no
 * microphone) or one shared by two calls (the bench), whose recording the first call to settle has stopped.
 * Used only on the call thread.
 */
final class MediaSettle {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSettle.class);

    static final long DELAY_MILLIS = 300;
    private static final long POLL_MILLIS = 20;

    private final ScheduledExecutorService callThread;
    private final PeerSession peer;
    private ScheduledFuture<?> task;
    private boolean waitedForFirstPacket;
    private long deadlineNanos;

    MediaSettle(ScheduledExecutorService callThread, PeerSession peer) {
        this.callThread = callThread;
        this.peer = peer;
    }

    /** Runs {@code settle} once media may flow; replaces a pending one. */
    void schedule(boolean pushedAudio, Runnable settle) {
        cancel();
        if (!pushedAudio || waitedForFirstPacket) {
            task = callThread.schedule(settle, DELAY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        waitedForFirstPacket = true;
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS);
        ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
        poll[0] = callThread.scheduleWithFixedDelay(() -> {
            try {
                peer.stats(report -> callThread.execute(
                        () -> settleIf(poll[0], AudioStats.audioPacketsSent(report.entries()) > 0, settle)));
            } catch (RuntimeException e) { // a periodic task that throws is silently cancelled
                LOG.warn("Requesting stats failed", e);
                settleIf(poll[0], false, settle);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        task = poll[0];
    }

    private void settleIf(ScheduledFuture<?> poll, boolean audioSent, Runnable settle) {
        if (task == poll && (audioSent || System.nanoTime() - deadlineNanos > 0)) {
            LOG.debug("Releasing pushed audio: {}", audioSent ? "the module's recording has sent"
                    : "no packet within " + DELAY_MILLIS + " ms");
            cancel();
            settle.run();
        }
    }

    void cancel() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
