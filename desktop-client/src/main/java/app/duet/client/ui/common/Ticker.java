package app.duet.client.ui.common;

/**
 * A steady beat for things that follow a changing value, like a level meter: the app ticks with the
 * display's frames ({@link FrameTicker}), tests tick by hand.
 */
public interface Ticker {

    /** Calls {@code tick} on the UI thread at every beat until the returned handle is stopped. */
    Ticking start(Runnable tick);

    /** A running beat. */
    interface Ticking {
        void stop();
    }
}
