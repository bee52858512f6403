package app.duet.client.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link UserMessage} — what happened in bold, what to try below — or nothing when it is null.
 * Styled by kind and exposed to screen readers as one sentence.
 */
public final class MessageBanner extends HBox {
    private final FontIcon icon = new FontIcon(Feather.INFO);
    private final Label text = new Label();
    private final Label hint = new Label();

    public MessageBanner(ObservableValue<UserMessage> message) {
        getStyleClass().add("message-banner");
        setAccessibleRole(AccessibleRole.TEXT);
        setSpacing(12);
        setAlignment(Pos.TOP_LEFT);
        text.getStyleClass().add("message-text");
        text.setWrapText(true);
        hint.getStyleClass().add("message-hint");
        hint.setWrapText(true);
        VBox lines = new VBox(2, text, hint);
        HBox.setHgrow(lines, Priority.ALWAYS);
        getChildren().addAll(icon, lines);
        message.addListener((obs, old, now) -> show(now));
        show(message.getValue());
    }

    private void show(UserMessage m) {
        setVisible(m != null);
        setManaged(m != null);
        getStyleClass().removeAll("info", "success", "warning", "error");
        if (m == null) {
            return;
        }
        text.setText(m.text());
        hint.setText(m.hint());
        hint.setVisible(m.hint() != null && !m.hint().isEmpty());
        hint.setManaged(hint.isVisible());
        setAccessibleText(m.full());
        getStyleClass().add(m.kind().name().toLowerCase(java.util.Locale.ROOT));
        icon.setIconCode(switch (m.kind()) {
            case ERROR -> Feather.ALERT_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case INFO -> Feather.INFO;
        });
    }
}
