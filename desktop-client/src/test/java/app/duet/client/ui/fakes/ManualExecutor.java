package app.duet.client.ui.fakes;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** A worker that runs nothing until the test calls {@link #runAll()}, on the test's thread. */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        queued.add(task);
    }

    /** Runs the queued tasks, and those they queue, until none is left; returns how many ran. */
    public int runAll() {
        int ran = 0;
        for (Runnable next = queued.poll(); next != null; next = queued.poll()) {
            next.run();
            ran++;
        }
        return ran;
    }

    /** Runs the oldest queued task; false when there was none. */
    public boolean runNext() {
        Runnable next = queued.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    public int pending() {
        return queued.size();
    }
}
