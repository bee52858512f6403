package app.duet.client.ui.channels;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The parts of a channel card about its calls: the unread-missed badge, "Call back" and the history toggle. */
final class CallHistoryControls {
    private CallHistoryControls() {
    }

    /** "2 missed" beside the channel's name; nothing when none are unseen. */
    static Node badge(ChannelHistoryModel history, ChannelRow row) {
        int count = history.missedIn(row.name());
        Label badge = new Label(count + " missed", new FontIcon(Feather.PHONE_MISSED));
        badge.setId("missed-badge-" + row.name());
        badge.getStyleClass().add("missed-badge");
        badge.setAccessibleText(count + (count == 1 ? " missed call" : " missed calls") + " in " + row.name());
        badge.setFocusTraversable(count > 0);
        badge.setVisible(count > 0);
        badge.setManaged(count > 0);
        return badge;
    }

    /**
     * "Call back" (while there are unseen missed calls; disabled like the call buttons) and "History".
     * {@code callBack} rings; the missed calls are marked seen as it does.
     */
    static Node actions(ChannelHistoryModel history, ChannelRow row, ObservableBooleanValue callsDisabled,
                        Runnable callBack) {
        String peer = row.peer().map(p -> p.displayName()).orElse("");
        Button back = new Button("Call back", new FontIcon(Feather.PHONE_FORWARDED));
        back.setId("call-back-" + row.name());
        back.getStyleClass().add(Styles.ACCENT);
        back.setAccessibleText("Call back " + peer + " in " + row.name());
        back.setTooltip(new Tooltip("Call " + peer + " back"));
        back.disableProperty().bind(callsDisabled);
        back.setVisible(history.missedIn(row.name()) > 0);
        back.setManaged(back.isVisible());
        back.setOnAction(e -> {
            callBack.run();
            history.markSeen(row.name());
        });
        ToggleButton open = new ToggleButton("History", new FontIcon(Feather.CLOCK));
        open.setId("history-" + row.name());
        open.getStyleClass().add(Styles.FLAT);
        open.setSelected(row.name().equals(history.openChannelProperty().get()));
        open.setAccessibleText((open.isSelected() ? "Hide" : "Show") + " recent calls in " + row.name());
        open.setOnAction(e -> history.toggle(row.name()));
        HBox line = new HBox(8, back, open);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
