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

import app.duet.client.call.model.FileTransferUpdate;

/**
 * A file offer waiting for an answer. Received: "Bob wants to send you report.pdf (1.2 MB)" with Accept and
 * Decline, and nothing is written to disk until the person accepts. Sent: "Waiting for Bob to accept
 * report.pdf (1.2 MB)" with Withdraw. Plain buttons in the tab order (not inside a list cell), so the keyboard
 * reaches them.
 */
final class FileOfferPrompt extends VBox {

    static FileOfferPrompt received(CallChatModel vm, FileTransferUpdate offer) {
        String question = vm.peerName() + " wants to send you " + offer.fileName() + " ("
                + CallTexts.size(offer.totalBytes()) + ").";
        Button accept = button("file-offer-accept", "Accept", Feather.DOWNLOAD,
                "Accept " + offer.fileName() + " from " + vm.peerName());
        accept.getStyleClass().add(Styles.SUCCESS);
        accept.setOnAction(e -> vm.acceptFile(offer));
        Button decline = button("file-offer-decline", "Decline", Feather.X,
                "Decline " + offer.fileName() + " from " + vm.peerName());
        decline.setOnAction(e -> vm.declineFile(offer));
        return new FileOfferPrompt("file-offer-" + offer.transferId(), question, question + " Accept or decline.",
                accept, decline);
    }

    static FileOfferPrompt sent(CallChatModel vm, FileTransferUpdate offer) {
        String waiting = "Waiting for " + vm.peerName() + " to accept " + offer.fileName() + " ("
                + CallTexts.size(offer.totalBytes()) + ").";
        Button withdraw = button("file-sent-withdraw", "Withdraw", Feather.X,
                "Withdraw " + offer.fileName() + ", offered to " + vm.peerName());
        withdraw.setOnAction(e -> vm.withdrawFile(offer));
        return new FileOfferPrompt("file-sent-" + offer.transferId(), waiting, waiting + " You can withdraw it.",
                withdraw);
    }

    private FileOfferPrompt(String id, String text, String accessibleText, Button... buttons) {
        setId(id);
        getStyleClass().add("file-offer");
        setSpacing(6);
        setPadding(new Insets(8));
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText(accessibleText);
        Label label = new Label(text, new FontIcon(Feather.FILE));
        label.setWrapText(true);
        getChildren().addAll(label, new FlowPane(8, 8, buttons));
        // In a small window the message list gives way, not the question: it is never cut short.
        label.setMinHeight(USE_PREF_SIZE);
        setMinHeight(USE_PREF_SIZE);
    }

    private static Button button(String id, String text, Feather icon, String accessibleText) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setAccessibleText(accessibleText);
        return button;
    }
}
