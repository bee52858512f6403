package app.duet.client.ui.channels;

import java.time.ZoneId;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import app.duet.protocol.HistoryEntry;

/** A channel's recent calls inside its card: outcome, time and duration, and "Clear my history". */
final class ChannelHistoryPane extends VBox {
    private final ChannelHistoryModel model;
    private final String channel;
    private final ZoneId zone;

    ChannelHistoryPane(ChannelHistoryModel model, String channel, ZoneId zone) {
        super(6);
        this.model = model;
        this.channel = channel;
        this.zone = zone;
        setId("history-list-" + channel);
        getStyleClass().add("channel-history");
        setAccessibleText("Recent calls in " + channel);
        redraw();
    }

    void redraw() {
        getChildren().clear();
        if (model.calls().isEmpty()) {
            Label none = new Label("No calls yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            getChildren().add(none);
        }
        model.calls().forEach(e -> getChildren().add(row(e)));
        Button clear = new Button("Clear my history", new FontIcon(Feather.TRASH_2));
        clear.setId("history-clear-" + channel);
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setAccessibleText("Clear my call history in " + channel + "; the other person keeps theirs");
        clear.setOnAction(ev -> model.clear(channel));
        clear.setDisable(model.calls().isEmpty());
        getChildren().add(clear);
    }

    private Node row(HistoryEntry e) {
        boolean missed = Boolean.TRUE.equals(e.missed());
        FontIcon icon = new FontIcon(missed ? Feather.PHONE_MISSED
                : e.outgoing() ? Feather.PHONE_OUTGOING : Feather.PHONE_INCOMING);
        Label outcome = new Label(HistoryTexts.outcome(e), icon);
        outcome.setWrapText(true);
        if (missed) {
            outcome.getStyleClass().add(Styles.DANGER);
        }
        Label when = new Label(HistoryTexts.when(e, zone));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label duration = new Label(HistoryTexts.duration(e));
        duration.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        when.setMinWidth(Region.USE_PREF_SIZE); // the outcome wraps instead
        duration.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(6, outcome, spacer, duration, when);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("history-row");
        line.setFocusTraversable(true);
        line.setAccessibleRole(AccessibleRole.TEXT);
        line.setAccessibleText(HistoryTexts.spoken(e, zone));
        return line;
    }
}
