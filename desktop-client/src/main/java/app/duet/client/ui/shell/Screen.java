package app.duet.client.ui.shell;

import javafx.scene.Node;
import javafx.scene.Parent;

/** One full-window page of the app. The shell shows one at a time and disposes the one it replaces. */
public interface Screen {

    Parent root();

    /** Shown in the window title and announced by screen readers. */
    String title();

    /** The control that should have keyboard focus when the screen appears. */
    default Node initialFocus() {
        return null;
    }

    /** Stops listening to models that outlive the screen. */
    default void dispose() {
    }
}
