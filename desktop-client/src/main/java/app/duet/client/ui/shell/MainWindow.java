package app.duet.client.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The window's layout: the connection banner, the current screen, and an overlay layer for dialogs
 * (incoming call, help). Escape closes the top overlay.
 */
public final class MainWindow {
    public static final String APP_NAME = "Duet";

    private final Stage stage;
    private final StackPane root = new StackPane();
    private final BorderPane page = new BorderPane();
    private final StackPane overlays = new StackPane();
    private Screen current;

    public MainWindow(Stage stage, SessionState session, Runnable retryNow) {
        this.stage = stage;
        root.getStyleClass().add("duet-root");
        page.setTop(new ConnectionBanner(session, retryNow));
        overlays.setPickOnBounds(false);
        overlays.setAlignment(Pos.CENTER);
        root.getChildren().addAll(page, overlays);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !overlays.getChildren().isEmpty()) {
                Node top = overlays.getChildren().get(overlays.getChildren().size() - 1);
                if (top.getProperties().get(DISMISS) instanceof Runnable dismiss) {
                    dismiss.run();
                    e.consume();
                }
            }
        });
    }

    private static final String DISMISS = "duet.dismiss";

    public Parent root() {
        return root;
    }

    public Screen current() {
        return current;
    }

    public void show(Screen screen) {
        if (current != null) {
            current.dispose();
        }
        current = screen;
        Parent content = screen.root();
        page.setCenter(content);
        stage.setTitle(screen.title() + " — " + APP_NAME);
        root.setAccessibleText(screen.title());
        Node focus = screen.initialFocus();
        if (focus != null) {
            // A screen's fields inside a ScrollPane join the scene only when the pane gets its skin, in the
            // CSS pass; until then asking for focus does nothing and the scene gives it to its first
            // control ("← Back", the Settings button). Make the skins now.
            content.applyCss();
            focus.requestFocus();
        }
    }

    /**
     * Shows {@code dialog} above the screen on a dimmed backdrop. {@code onEscape} (may be null) runs when
     * the person presses Escape; the caller removes the overlay with {@link #closeOverlay}.
     */
    public void showOverlay(Region dialog, Runnable onEscape) {
        // A dialog taller than a small window scrolls instead of being cut off.
        StackPane backdrop = new StackPane(new DialogScroller(dialog));
        backdrop.getStyleClass().add("overlay-backdrop");
        backdrop.setPadding(new javafx.geometry.Insets(12));
        if (onEscape != null) {
            backdrop.getProperties().put(DISMISS, onEscape);
        }
        dialog.getProperties().put("duet.backdrop", backdrop);
        overlays.getChildren().add(backdrop);
        dialog.requestFocus();
    }

    /** Shows the window (from the tray or minimised) above the others; the desktop may give it the focus. */
    public void bringToFront() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    public void closeOverlay(Region dialog) {
        Object backdrop = dialog.getProperties().remove("duet.backdrop");
        overlays.getChildren().remove(backdrop);
        if (overlays.getChildren().isEmpty() && current != null && current.initialFocus() != null) {
            current.initialFocus().requestFocus();
        }
    }

}
