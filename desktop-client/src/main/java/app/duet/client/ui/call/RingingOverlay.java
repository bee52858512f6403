package app.duet.client.ui.call;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The caller's dialog while the other side rings: "Calling Bob…", then declined / busy / no answer. */
final class RingingOverlay extends VBox {
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button action = new Button();
    private Runnable onAction;

    RingingOverlay(String peerName, String channel, boolean video) {
        setId("ringing-overlay");
        getStyleClass().add("overlay-card");
        setAccessibleRole(AccessibleRole.DIALOG);
        setSpacing(14);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        setPrefWidth(360);
        FontIcon icon = new FontIcon(video ? Feather.VIDEO : Feather.PHONE_OUTGOING);
        icon.getStyleClass().add("call-big-icon");
        Label name = new Label(peerName);
        name.getStyleClass().add(Styles.TITLE_3);
        Label where = new Label((video ? "Video call" : "Audio call") + " in #" + channel);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        status.setId("ringing-status");
        status.setWrapText(true);
        action.setId("ringing-action");
        action.setOnAction(e -> onAction.run());
        getChildren().addAll(icon, name, where, progress, status, action);
    }

    /** Still ringing: the button cancels. */
    void ringing(String text, Runnable cancel) {
        show(text, "Cancel", Feather.PHONE_OFF, Styles.DANGER, cancel, true);
    }

    /** Finished without a call: the button closes. */
    void finished(String text, Runnable close) {
        show(text, "Close", Feather.X, null, close, false);
        action.requestFocus();
    }

    private void show(String text, String label, Feather icon, String style, Runnable handler, boolean busy) {
        status.setText(text);
        setAccessibleText(text);
        action.setText(label);
        action.setGraphic(new FontIcon(icon));
        action.getStyleClass().remove(Styles.DANGER);
        if (style != null) {
            action.getStyleClass().add(style);
        }
        progress.setVisible(busy);
        progress.setManaged(busy);
        onAction = handler;
    }

}
