package app.duet.client.ui.channels;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import app.duet.client.ui.common.DisplayNames;
import app.duet.protocol.Media;
import app.duet.protocol.UserInfo;

/**
 * One channel's card: name, presence, Video and Audio, for the owner "Invite…" and who asks to join, the
 * history controls, and a menu (leave; for the owner delete, remove the other member, lock).
 */
final class ChannelCard {
    private final ChannelsViewModel vm;
    private final ChannelAccessModel access;
    private final ChannelHistoryModel history;
    private final Consumer<String> openInvites;

    ChannelCard(ChannelsViewModel vm, ChannelAccessModel access, ChannelHistoryModel history, Consumer<String> openInvites) {
        this.vm = vm;
        this.access = access;
        this.history = history;
        this.openInvites = openInvites;
    }

    /** The card; {@code focusable} receives its controls that can take the focus, in order. */
    VBox build(ChannelRow row, Consumer<List<Node>> focusable) {
        Label title = new Label("# " + row.name(), row.locked() ? new FontIcon(Feather.LOCK) : null);
        title.getStyleClass().add(Styles.TITLE_4);
        Circle dot = new Circle(5);
        dot.getStyleClass().add(row.peerOnline() ? "presence-online" : "presence-offline");
        Label presence = new Label(row.presenceText(), dot);
        presence.setWrapText(true);
        presence.getStyleClass().add("channel-presence");
        String peerName = row.peer().map(p -> p.displayName()).orElse("");

        Button video = new Button("Video", new FontIcon(Feather.VIDEO));
        video.getStyleClass().add(Styles.SUCCESS);
        video.setId("call-video-" + row.name());
        video.setAccessibleText("Video call " + peerName + " in " + row.name());
        video.setTooltip(new Tooltip("Video call " + peerName));
        video.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !row.peerOnline() || !vm.callsReady().get(), vm.callsReady()));
        video.setOnAction(e -> vm.call(row, Media.VIDEO));
        Button audio = new Button("Audio", new FontIcon(Feather.PHONE));
        audio.setId("call-audio-" + row.name());
        audio.setAccessibleText("Audio call " + peerName + " in " + row.name());
        audio.setTooltip(new Tooltip("Audio-only call " + peerName));
        audio.disableProperty().bind(video.disableProperty());
        audio.setOnAction(e -> vm.call(row, Media.AUDIO));

        MenuButton more = menu(row);
        // Wraps rather than cutting the labels short when the owner's card has four controls.
        FlowPane actions = new FlowPane(8, 8, video, audio);
        if (row.ownedByMe()) {
            Button invite = new Button("Invite…", new FontIcon(Feather.USER_PLUS));
            invite.setId("channel-invite-" + row.name());
            invite.setAccessibleText("Invite someone to " + row.name());
            invite.setTooltip(new Tooltip("Make an invite link for this private channel"));
            invite.setOnAction(e -> openInvites.accept(row.name()));
            actions.getChildren().add(invite);
            focusable.accept(List.of(video, audio, invite, more));
        } else {
            focusable.accept(List.of(video, audio, more));
        }
        actions.getChildren().add(more);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPrefWrapLength(260);
        VBox card = new VBox(10, new HBox(8, title, CallHistoryControls.badge(history, row)), presence, actions);
        access.requests().getOrDefault(row.name(), List.of()).forEach(u -> card.getChildren().add(request(row, u)));
        card.getChildren().add(CallHistoryControls.actions(history, row, video.disableProperty(),
                () -> vm.call(row, history.callBackMedia(row.name()))));
        if (row.name().equals(history.openChannelProperty().get())) {
            card.getChildren().add(new ChannelHistoryPane(history, row.name(), ZoneId.systemDefault()));
        }
        card.getStyleClass().add("channel-card");
        card.setId("channel-" + row.name());
        card.setPrefWidth(300);
        card.setPadding(new Insets(16));
        return card;
    }

    private MenuButton menu(ChannelRow row) {
        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        more.setId("channel-more-" + row.name());
        more.setAccessibleText("More actions for " + row.name());
        more.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        MenuItem leave = new MenuItem("Leave channel");
        leave.setOnAction(e -> vm.leave(row));
        more.getItems().add(leave);
        if (row.ownedByMe()) {
            row.peer().ifPresent(peer -> {
                MenuItem remove = new MenuItem("Remove " + peer.displayName() + "…");
                remove.setId("channel-remove-" + row.name());
                remove.setOnAction(e -> access.remove(row));
                more.getItems().add(remove);
            });
            MenuItem lock = new MenuItem(row.locked() ? "Unlock channel" : "Lock channel");
            lock.setId("channel-lock-" + row.name());
            lock.setOnAction(e -> access.lock(row, !row.locked()));
            MenuItem delete = new MenuItem("Delete channel");
            delete.setId("channel-delete-" + row.name());
            delete.setOnAction(e -> vm.delete(row));
            more.getItems().addAll(lock, delete);
        }
        return more;
    }

    /** "Carol asks to join" with Let in and Say no. */
    private Node request(ChannelRow row, UserInfo user) {
        String who = DisplayNames.shown(user.displayName());
        Label asks = new Label(who + " (" + user.username() + ") asks to join", new FontIcon(Feather.USER_CHECK));
        asks.setWrapText(true);
        HBox.setHgrow(asks, Priority.ALWAYS);
        Button approve = new Button("Let in");
        approve.setId("join-approve-" + row.name() + "-" + user.username());
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.setAccessibleText("Let " + who + " into " + row.name());
        approve.setOnAction(e -> access.answer(row.name(), user, true));
        Button deny = new Button("Say no");
        deny.setId("join-deny-" + row.name() + "-" + user.username());
        deny.setAccessibleText("Do not let " + who + " into " + row.name());
        deny.setOnAction(e -> access.answer(row.name(), user, false));
        VBox box = new VBox(6, asks, new HBox(8, approve, deny));
        box.getStyleClass().add("join-request");
        return box;
    }
}
