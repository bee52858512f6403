package app.duet.client.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.AccessibleRole;

/** Shows a {@link UserMessage} (or nothing when it is null), styled by its kind and read by screen readers. */
public final class MessageBanner extends Message {

    public MessageBanner(ObservableValue<UserMessage> message) {
        getStyleClass().add("message-banner");
        setAccessibleRole(AccessibleRole.TEXT);
        message.addListener((obs, old, now) -> show(now));
        show(message.getValue());
    }

    private void show(UserMessage m) {
        setVisible(m != null);
        setManaged(m != null);
        getStyleClass().removeAll(Styles.ACCENT, Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        if (m == null) {
            return;
        }
        setTitle(m.text());
        setDescription(m.hint());
        setAccessibleText(m.full());
        switch (m.kind()) {
            case ERROR -> style(Styles.DANGER, Feather.ALERT_CIRCLE);
            case WARNING -> style(Styles.WARNING, Feather.ALERT_TRIANGLE);
            case SUCCESS -> style(Styles.SUCCESS, Feather.CHECK_CIRCLE);
            case INFO -> style(Styles.ACCENT, Feather.INFO);
        }
    }

    private void style(String styleClass, Feather icon) {
        getStyleClass().add(styleClass);
        setGraphic(new FontIcon(icon));
    }
}
