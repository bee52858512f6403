package app.duet.client.ui.call;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import app.duet.client.call.FileTransferUpdate;

/**
 * "Bob wants to send you report.pdf (1.2 MB)" with Accept and Decline: nothing is written to disk until
 * the person accepts. Plain buttons in the tab order (not inside a list cell), so the keyboard reaches them.
 */
final class FileOfferPrompt extends VBox {

    FileOfferPrompt(CallViewModel vm, FileTransferUpdate offer) {
        setId("file-offer-" + offer.transferId());
        getStyleClass().add("file-offer");
        setSpacing(6);
        setPadding(new Insets(8));
        String question = vm.peerName() + " wants to send you " + offer.fileName() + " ("
                + CallTexts.size(offer.totalBytes()) + ").";
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText(question + " Accept or decline.");
        Label text = new Label(question, new FontIcon(Feather.FILE));
        text.setWrapText(true);
        Button accept = new Button("Accept", new FontIcon(Feather.DOWNLOAD));
        accept.setId("file-offer-accept");
        accept.getStyleClass().add(Styles.SUCCESS);
        accept.setAccessibleText("Accept " + offer.fileName() + " from " + vm.peerName());
        accept.setOnAction(e -> vm.acceptFile(offer));
        Button decline = new Button("Decline", new FontIcon(Feather.X));
        decline.setId("file-offer-decline");
        decline.setAccessibleText("Decline " + offer.fileName() + " from " + vm.peerName());
        decline.setOnAction(e -> vm.declineFile(offer));
        getChildren().addAll(text, new FlowPane(8, 8, accept, decline));
        // In a small window the message list gives way, not the question: it is never cut short.
        text.setMinHeight(USE_PREF_SIZE);
        setMinHeight(USE_PREF_SIZE);
    }
}
