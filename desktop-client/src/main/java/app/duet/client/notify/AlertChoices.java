package app.duet.client.notify;

import java.util.function.Consumer;

import app.duet.protocol.Media;

/** What the person can answer from a notification; called on the UI thread. */
public interface AlertChoices {
    void accept(Media media);

    void decline();

    /** The notification itself was clicked: bring the window up. */
    void showWindow();

    static AlertChoices of(Consumer<Media> accept, Runnable decline, Runnable showWindow) {
        return new AlertChoices() {
            @Override
            public void accept(Media media) {
                accept.accept(media);
            }

            @Override
            public void decline() {
                decline.run();
            }

            @Override
            public void showWindow() {
                showWindow.run();
            }
        };
    }
}
