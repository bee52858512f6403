package app.duet.client.ui.common;

import javafx.animation.AnimationTimer;

/** Ticks once per JavaFX pulse (each frame the display draws), on the FX thread. */
public final class FrameTicker implements Ticker {

    @Override
    public Ticking start(Runnable tick) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick.run();
            }
        };
        timer.start();
        return timer::stop;
    }
}
