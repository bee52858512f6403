package app.duet.client.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Ticks at a fixed period on the FX thread, for displays that need no more than a few updates a second. */
public final class TimelineTicker implements Ticker {
    private final Duration period;

    public TimelineTicker(java.time.Duration period) {
        this.period = Duration.millis(period.toMillis());
    }

    @Override
    public Ticking start(Runnable tick) {
        Timeline timeline = new Timeline(new KeyFrame(period, e -> tick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
