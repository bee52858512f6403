package app.duet.client.ui.call;

import java.util.Map;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import app.duet.client.ui.help.Shortcut;
import app.duet.protocol.Media;

/**
 * "Bob is calling": accept with video, accept audio only, or decline, each with its shortcut beside it (the
 * shortcuts work while the dialog is up). Compact enough for the smallest window: one line for who, one or two
 * for where, one row per choice.
 */
final class IncomingCallOverlay extends VBox {

    interface Choice {
        void accept(Media media);

        void decline();
    }

    IncomingCallOverlay(String callerName, String channel, Media offered, Choice choice) {
        setId("incoming-overlay");
        getStyleClass().add("overlay-card");
        setAccessibleRole(AccessibleRole.DIALOG);
        String summary = callerName + " is calling you" + (offered == Media.VIDEO ? " with video" : "")
                + " in #" + channel + ".";
        setAccessibleText(summary);
        setSpacing(12);
        setPadding(new Insets(20));
        setPrefWidth(400);
        setMaxWidth(440);
        FontIcon icon = new FontIcon(Feather.PHONE_INCOMING);
        icon.getStyleClass().addAll("call-big-icon", "ringing-icon");
        Label name = new Label(callerName, icon);
        name.setId("incoming-caller");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setGraphicTextGap(12);
        name.setWrapText(true);
        Label text = new Label(summary);
        text.setWrapText(true);

        Button video = choice("incoming-accept-video", "Accept with video", Feather.VIDEO, Styles.SUCCESS,
                CallShortcuts.ACCEPT_VIDEO, "Answer with camera and microphone", () -> choice.accept(Media.VIDEO));
        Button audio = choice("incoming-accept-audio", "Accept audio only", Feather.PHONE, Styles.SUCCESS,
                CallShortcuts.ACCEPT_AUDIO, "Answer without your camera", () -> choice.accept(Media.AUDIO));
        Button decline = choice("incoming-decline", "Decline", Feather.PHONE_OFF, Styles.DANGER,
                CallShortcuts.DECLINE, "Decline the call", choice::decline);
        GridPane choices = new GridPane();
        choices.setHgap(12);
        choices.setVgap(8);
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setHgrow(Priority.ALWAYS);
        choices.getColumnConstraints().addAll(buttons, new ColumnConstraints());
        choices.addRow(0, video, keys(CallShortcuts.ACCEPT_VIDEO.keysText()));
        choices.addRow(1, audio, keys(CallShortcuts.ACCEPT_AUDIO.keysText()));
        choices.addRow(2, decline, keys(CallShortcuts.DECLINE.keysText() + " or Esc"));
        getChildren().addAll(name, text, choices);
        (offered == Media.VIDEO ? video : audio).setDefaultButton(true);

        SceneShortcuts.whileShown(this, Map.of(
                CallShortcuts.ACCEPT_VIDEO.keys(), video::fire,
                CallShortcuts.ACCEPT_AUDIO.keys(), audio::fire,
                CallShortcuts.DECLINE.keys(), decline::fire));
    }

    private static Button choice(String id, String text, Feather icon, String style, Shortcut shortcut, String tip,
                                 Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(style);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setTooltip(new Tooltip(shortcut.tooltip(tip)));
        button.setAccessibleHelp("Shortcut " + shortcut.keysText());
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label keys(String text) {
        Label keys = new Label(text);
        keys.getStyleClass().addAll("kbd", Styles.TEXT_SMALL);
        keys.setMinWidth(Region.USE_PREF_SIZE);
        return keys;
    }
}
