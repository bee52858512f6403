package app.duet.client.ui.fakes;

import java.util.ArrayList;
import java.util.List;

import app.duet.client.ui.common.Ticker;

/** A {@link Ticker} that beats only when the test calls {@link #tick()}. */
public final class ManualTicker implements Ticker {
    private final List<Runnable> running = new ArrayList<>();

    @Override
    public Ticking start(Runnable tick) {
        running.add(tick);
        return () -> running.remove(tick);
    }

    public void tick() {
        List.copyOf(running).forEach(Runnable::run);
    }

    /** How many beats are started and not stopped. */
    public int running() {
        return running.size();
    }
}
