package app.duet.client.ui.call;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import app.duet.client.ui.common.MessageBanner;

/**
 * The call screen's top bar: who and where, status, elapsed time, quality (with details on demand), the
 * safety code, what the far side turned off, and the screen's messages.
 */
final class CallInfoBar extends VBox {

    CallInfoBar(CallViewModel vm) {
        super(6);
        Label peer = new Label(vm.peerName());
        peer.setId("call-peer");
        peer.getStyleClass().add(Styles.TITLE_4);
        Label channel = new Label("#" + vm.channel());
        channel.getStyleClass().add(Styles.TEXT_MUTED);
        Label status = new Label();
        status.setId("call-status");
        status.textProperty().bind(vm.statusText());
        status.setAccessibleText("Call status");
        Label timer = new Label();
        timer.setId("call-timer");
        timer.textProperty().bind(vm.elapsedProperty());
        timer.setGraphic(new FontIcon(Feather.CLOCK));
        Button quality = new Button();
        quality.setId("call-quality");
        quality.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        quality.textProperty().bind(vm.qualityText());
        quality.setGraphic(new FontIcon(Feather.ACTIVITY));
        quality.setTooltip(new Tooltip(CallShortcuts.QUALITY.tooltip("Show quality details")));
        quality.setOnAction(e -> vm.qualityDetailsVisibleProperty().set(!vm.qualityDetailsVisibleProperty().get()));
        Label details = new Label();
        details.setId("call-quality-details");
        details.textProperty().bind(vm.qualityDetails());
        details.getStyleClass().addAll("quality-details", Styles.TEXT_SMALL);
        details.visibleProperty().bind(vm.qualityDetailsVisibleProperty());
        details.managedProperty().bind(details.visibleProperty());
        Label safety = new Label();
        safety.setId("call-safety-code");
        safety.textProperty().bind(javafx.beans.binding.Bindings.when(vm.safetyCodeProperty().isEmpty())
                .then("").otherwise(javafx.beans.binding.Bindings.concat("Safety code ", vm.safetyCodeProperty())));
        safety.setGraphic(new FontIcon(Feather.SHIELD));
        safety.setTooltip(new Tooltip("Compare this code with the other person (say it aloud). "
                + "If it is the same on both sides, nobody is listening in."));
        safety.visibleProperty().bind(vm.safetyCodeProperty().isNotEmpty());
        // Wraps onto a second row in a narrow window rather than cutting words short.
        javafx.scene.layout.FlowPane line = new javafx.scene.layout.FlowPane(12, 4, peer, channel, status, timer,
                quality, safety);
        line.setAlignment(Pos.CENTER_LEFT);
        Label remoteState = new Label();
        remoteState.setId("call-remote-state");
        remoteState.setWrapText(true);
        remoteState.textProperty().bind(vm.remoteStatusText());
        remoteState.setGraphic(new FontIcon(Feather.INFO));
        remoteState.visibleProperty().bind(vm.remoteStatusText().isNotEmpty());
        remoteState.managedProperty().bind(remoteState.visibleProperty());
        getChildren().addAll(line, remoteState, details, new MessageBanner(vm.messageProperty()));
        setPadding(new Insets(8, 14, 8, 14));
        getStyleClass().add("call-info");
    }
}
