package app.duet.client.call.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the call engine's own threads. They are daemons: what keeps the JVM alive is the
 * native objects, which every owner disposes explicitly; our executors must never be the reason an app
 * cannot exit.
 */
public final class DaemonThreads implements ThreadFactory {

    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String name) {
        this.name = name;
    }

    /** Threads named {@code name}, then {@code name-2}, {@code name-3} if the executor needs more. */
    public static ThreadFactory named(String name) {
        return new DaemonThreads(name);
    }

    @Override
    public Thread newThread(Runnable task) {
        int n = count.incrementAndGet();
        Thread thread = new Thread(task, n == 1 ? name : name + "-" + n);
        thread.setDaemon(true);
        return thread;
    }
}
