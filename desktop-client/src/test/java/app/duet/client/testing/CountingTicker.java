package app.duet.client.testing;

import java.util.concurrent.atomic.AtomicInteger;

import app.duet.client.ui.common.Ticker;

/** The app's real ticker, counting the beats that are running, so a test sees one left behind. */
public final class CountingTicker implements Ticker {
    private final Ticker real;
    private final AtomicInteger running = new AtomicInteger();

    public CountingTicker(Ticker real) {
        this.real = real;
    }

    @Override
    public Ticking start(Runnable tick) {
        Ticking ticking = real.start(tick);
        running.incrementAndGet();
        return new Ticking() {
            private boolean stopped;

            @Override
            public void stop() {
                if (!stopped) {
                    stopped = true;
                    running.decrementAndGet();
                }
                ticking.stop();
            }
        };
    }

    /** Beats started and not stopped. */
    public int running() {
        return running.get();
    }
}
