package app.duet.client.ui.welcome;

import org.kordamp.ikonli.feather.Feather;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import app.duet.client.ui.common.Forms;

/** Shown above the buttons while a plain ws:// address of another computer waits for a yes or no. */
final class UnencryptedQuestion extends VBox {

    UnencryptedQuestion(WelcomeViewModel vm) {
        super(8);
        setId("welcome-unencrypted");
        getStyleClass().add("unencrypted-question");
        Label text = new Label();
        text.setId("welcome-unencrypted-text");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.WARNING);
        text.textProperty().bind(vm.unencryptedHostProperty().map(host -> "The connection to " + host
                + " would not be encrypted: anyone on the way could read your password and see whom you call. "
                + "Use it only if you trust every network in between."));
        Button connect = Forms.secondary("Connect without encryption", Feather.UNLOCK);
        connect.setId("welcome-unencrypted-connect");
        connect.setOnAction(e -> vm.connectUnencrypted());
        Button cancel = Forms.primary("Cancel", Feather.LOCK);
        cancel.setId("welcome-unencrypted-cancel");
        cancel.setOnAction(e -> vm.keepEncrypted());
        getChildren().addAll(text, new HBox(10, cancel, connect));
        visibleProperty().bind(vm.unencryptedHostProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                cancel.requestFocus(); // the keyboard's answer is the safe one
            }
        });
    }
}
