package app.duet.client.ui.call;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;

/** Chat messages, file transfers with progress, and the box to write in. */
final class ChatPanel extends VBox {

    ChatPanel(CallChatModel vm, Runnable pickFile) {
        setId("call-chat-panel");
        getStyleClass().add("chat-panel");
        setPrefWidth(300);
        setMinWidth(220);
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label("Chat and files");
        title.getStyleClass().add(Styles.TITLE_4);

        ListView<ChatMessage> messages = new ListView<>(vm.messages());
        messages.setId("chat-messages");
        messages.setAccessibleText("Chat messages");
        Label empty = new Label("Messages you exchange appear here. They go directly to " + vm.peerName()
                + ", not through the server.");
        empty.setWrapText(true); // the panel is narrow: wrap rather than cut the sentence short
        empty.setPadding(new Insets(8));
        messages.setPlaceholder(empty);
        messages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ChatMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : (m.fromMe() ? "You" : vm.peerName()) + ": " + m.text());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        vm.messages().addListener((javafx.collections.ListChangeListener<ChatMessage>) c ->
                messages.scrollTo(vm.messages().size() - 1));
        VBox.setVgrow(messages, Priority.ALWAYS);
        messages.setMinHeight(0); // in a small window the lists give way to a file question and the input

        ListView<FileTransferUpdate> transfers = new ListView<>(vm.transfers());
        transfers.setId("chat-transfers");
        transfers.setPrefHeight(110);
        transfers.setMinHeight(0);
        transfers.setAccessibleText("File transfers");
        transfers.setPlaceholder(new Label("No files yet."));
        transfers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FileTransferUpdate t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                String arrow = t.direction() == FileTransferUpdate.Direction.OUTGOING ? "↑ " : "↓ ";
                Label name = new Label(arrow + t.fileName() + " — " + CallTexts.transferStatus(t));
                ProgressBar bar = new ProgressBar(t.fraction());
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.setAccessibleText(t.fileName() + " " + Math.round(t.fraction() * 100) + " percent");
                // A bar only while bytes move; a declined, cancelled or finished file needs none.
                bar.setVisible(t.status() == FileTransferUpdate.Status.IN_PROGRESS);
                bar.setManaged(bar.isVisible());
                setGraphic(new VBox(4, name, bar));
                setText(null);
            }
        });

        VBox offers = new VBox(6);
        offers.setId("chat-file-offers");
        Runnable showOffers = () -> {
            offers.getChildren().setAll(vm.fileOffers().stream().map(o -> o.direction()
                    == FileTransferUpdate.Direction.INCOMING ? FileOfferPrompt.received(vm, o)
                    : FileOfferPrompt.sent(vm, o)).toList());
            offers.setManaged(!vm.fileOffers().isEmpty());
        };
        vm.fileOffers().addListener((javafx.collections.ListChangeListener<FileTransferUpdate>) c -> showOffers.run());
        showOffers.run();

        TextField input = new TextField();
        input.setId("chat-input");
        // Chat and files wait for the far side's app to answer on the call's data channel; a peer that never
        // does (not a Duet app) gets no message that would be lost.
        input.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.openProperty())
                .then("Write a message").otherwise("Chat is not available (yet) with " + vm.peerName() + "'s app"));
        input.setAccessibleText("Message to " + vm.peerName());
        input.disableProperty().bind(vm.openProperty().not());
        Button send = new Button(null, new FontIcon(Feather.SEND));
        send.setId("chat-send");
        send.setAccessibleText("Send message");
        send.setTooltip(new Tooltip("Send (Enter)"));
        send.disableProperty().bind(vm.openProperty().not());
        Runnable sendNow = () -> {
            vm.send(input.getText());
            input.clear();
        };
        input.setOnAction(e -> sendNow.run());
        send.setOnAction(e -> sendNow.run());
        Button file = new Button(null, new FontIcon(Feather.PAPERCLIP));
        file.setId("chat-file");
        file.setAccessibleText("Send a file");
        file.setTooltip(new Tooltip(CallShortcuts.SEND_FILE.tooltip("Send a file")));
        file.disableProperty().bind(vm.openProperty().not());
        file.setOnAction(e -> pickFile.run());
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox row = new HBox(6, input, send, file);
        getChildren().addAll(title, messages, offers, transfers, row);
    }
}
