package app.duet.client.ui.call;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.call.CallControls;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.ui.common.Background;

/**
 * The call screen's chat and files: the messages, the file offers waiting for an answer, the transfers, and
 * whether the chat panel shows. Part of the {@link CallViewModel}, on the FX thread.
 */
public final class CallChatModel {
    private final String peerName;
    private final CallControls controls;
    private final Background background;
    private final Consumer<String> problem;
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<FileTransferUpdate> transfers = FXCollections.observableArrayList();
    private final ObservableList<FileTransferUpdate> fileOffers = FXCollections.observableArrayList();
    // One read-only view each: a view listens to its list weakly, so a view made per call (and listened to)
    // could be garbage collected with its listeners.
    private final ObservableList<ChatMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ObservableList<FileTransferUpdate> transfersView = FXCollections.unmodifiableObservableList(transfers);
    private final ObservableList<FileTransferUpdate> fileOffersView = FXCollections.unmodifiableObservableList(fileOffers);

    CallChatModel(String peerName, CallControls controls, Background background, Consumer<String> problem) {
        this.peerName = peerName;
        this.controls = controls;
        this.background = background;
        this.problem = problem;
    }

    // ---- from the call ----

    /** The data channel that carries chat and files opened or closed. */
    void dataChannel(boolean isOpen) {
        open.set(isOpen);
    }

    void received(ChatMessage message) {
        messages.add(message);
    }

    void fileTransfer(FileTransferUpdate update) {
        fileOffers.removeIf(t -> t.transferId().equals(update.transferId()));
        if (update.status() == FileTransferUpdate.Status.OFFERED) {
            fileOffers.add(update);
            visible.set(true); // the offer, theirs to answer or ours to withdraw, waits in the chat panel
            return;
        }
        transfers.removeIf(t -> t.transferId().equals(update.transferId()));
        transfers.add(update);
    }

    // ---- commands ----

    public void send(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        controls.sendChat(text.strip()).whenCompleteAsync((sent, error) -> {
            if (error != null) {
                problem.accept(Background.cause(error).getMessage());
            }
        }, background.uiExecutor());
    }

    public void sendFile(Path file) {
        background.supply(() -> controls.sendFile(file)).whenComplete((id, error) -> {
            if (error != null) {
                problem.accept("The file could not be sent: " + Background.cause(error).getMessage());
            }
        });
    }

    /** Receives an offered file into the download folder. */
    public void acceptFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        controls.acceptFile(offer.transferId());
    }

    public void declineFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        controls.declineFile(offer.transferId());
    }

    /** Takes back a file we offered that the other person has not answered yet. */
    public void withdrawFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        controls.cancelFile(offer.transferId());
    }

    public void toggle() {
        visible.set(!visible.get());
    }

    // ---- state ----

    public String peerName() {
        return peerName;
    }

    /** Whether messages and files can go now (the data channel is open). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public ObservableList<ChatMessage> messages() {
        return messagesView;
    }

    public ObservableList<FileTransferUpdate> transfers() {
        return transfersView;
    }

    /** Offers waiting for an answer: the other person's, for us to answer, and ours, which we may withdraw. */
    public ObservableList<FileTransferUpdate> fileOffers() {
        return fileOffersView;
    }
}
