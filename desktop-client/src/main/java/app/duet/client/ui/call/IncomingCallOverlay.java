package app.duet.client.ui.call;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import app.duet.protocol.Media;

/** "Bob is calling": accept with audio, accept with video, or decline. */
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
        setSpacing(14);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER);
        setPrefWidth(400);
        setMaxWidth(440);
        FontIcon icon = new FontIcon(Feather.PHONE_INCOMING);
        icon.getStyleClass().addAll("call-big-icon", "ringing-icon");
        Label name = new Label(callerName);
        name.setId("incoming-caller");
        name.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(summary);
        text.setWrapText(true);

        Button video = new Button("Accept with video", new FontIcon(Feather.VIDEO));
        video.setId("incoming-accept-video");
        video.getStyleClass().add(Styles.SUCCESS);
        video.setTooltip(new Tooltip("Answer with camera and microphone"));
        video.setOnAction(e -> choice.accept(Media.VIDEO));
        Button audio = new Button("Accept audio only", new FontIcon(Feather.PHONE));
        audio.setId("incoming-accept-audio");
        audio.getStyleClass().add(Styles.SUCCESS);
        audio.setTooltip(new Tooltip("Answer without your camera"));
        audio.setOnAction(e -> choice.accept(Media.AUDIO));
        Button decline = new Button("Decline", new FontIcon(Feather.PHONE_OFF));
        decline.setId("incoming-decline");
        decline.getStyleClass().add(Styles.DANGER);
        decline.setTooltip(new Tooltip("Decline (Esc)"));
        decline.setOnAction(e -> choice.decline());
        // Wraps onto two rows in a small window instead of cutting the labels short.
        FlowPane buttons = new FlowPane(10, 10, video, audio, decline);
        buttons.setAlignment(Pos.CENTER);
        buttons.setPrefWrapLength(340);
        getChildren().addAll(icon, name, text, buttons);
        (offered == Media.VIDEO ? video : audio).setDefaultButton(true);
    }
}
