package app.duet.client.headless;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a successful run main returns and the JVM should end by itself. If a native object leaked, its
 * non-daemon libwebrtc thread keeps the JVM alive; this daemon thread then logs what is left and exits with
 * {@link ExitCode#LEFTOVER_THREADS}, so a leak is visible instead of a process that never ends.
 */
final class ExitWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(ExitWatchdog.class);
    static final long GRACE_SECONDS = 10;

    private ExitWatchdog() {
    }

    static void start() {
        Thread watchdog = new Thread(ExitWatchdog::watch, "duet-headless-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch() {
        try {
            TimeUnit.SECONDS.sleep(GRACE_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread t = entry.getKey();
            if (!t.isDaemon() && t.isAlive() && !"DestroyJavaVM".equals(t.getName())) {
                LOG.error("Thread {} still runs after the client closed", t.getName());
            }
        }
        Runtime.getRuntime().halt(ExitCode.LEFTOVER_THREADS.code());
    }
}
