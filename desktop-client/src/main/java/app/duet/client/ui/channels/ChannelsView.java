package app.duet.client.ui.channels;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;
import app.duet.protocol.Media;

/**
 * Channels: a header with the user, a create/join row, and one card per channel with its missed calls and
 * history.
 */
public final class ChannelsView implements Screen {
    private final ChannelsViewModel vm;
    private final ChannelHistoryModel history;
    private final BorderPane root = new BorderPane();
    private final TextField name = new TextField();
    private final FlowPane cards = new FlowPane(12, 12);
    private final ListChangeListener<Object> redraw = change -> redrawCards();
    private final InvalidationListener reopen = o -> redrawCards();
    /** Per channel, the controls of its card that can take the focus, in order. */
    private final Map<String, List<Node>> cardControls = new HashMap<>();
    /** The channel of the call that just ended: its card takes the focus, to call back from the keyboard. */
    private String endedCallChannel;

    public ChannelsView(ChannelsViewModel vm, ChannelHistoryModel history) {
        this.vm = vm;
        this.history = history;
        root.setId("channels-screen");
        root.setTop(header());

        name.setId("channel-name");
        name.setPromptText("Channel name, e.g. ann-and-bob");
        name.textProperty().bindBidirectional(vm.channelNameProperty());
        name.setAccessibleText("Channel name. Lower-case letters, digits, dash or underscore.");
        name.setOnAction(e -> vm.join());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button create = new Button("Create", new FontIcon(Feather.PLUS));
        create.setId("channel-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.canSubmitNameProperty().not());
        create.setOnAction(e -> vm.create());
        create.setTooltip(new Tooltip("Create a new channel with this name; you will own it"));
        Button join = new Button("Join", new FontIcon(Feather.LOG_IN));
        join.setId("channel-join");
        join.disableProperty().bind(vm.canSubmitNameProperty().not());
        join.setOnAction(e -> vm.join());
        join.setTooltip(new Tooltip("Join an existing channel by its name (Enter)"));
        HBox row = new HBox(8, name, create, join);
        row.setAlignment(Pos.CENTER_LEFT);
        Label nameLabel = new Label("Create or join a channel");
        nameLabel.getStyleClass().add(Styles.TITLE_4);
        nameLabel.setLabelFor(name);
        Label nameHint = new Label("A channel is where two people meet. Create one and tell the other person its "
                + "name, or type the name they gave you and press Join.");
        nameHint.setWrapText(true);
        nameHint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox form = new VBox(8, nameLabel, nameHint, row);

        Label listTitle = new Label("Your channels");
        listTitle.getStyleClass().add(Styles.TITLE_4);
        Label empty = new Label("No channels yet. Create one and tell the other person its name, or join theirs.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.channels()));
        empty.managedProperty().bind(empty.visibleProperty());
        cards.setId("channel-cards");

        VBox content = new VBox(16, new MessageBanner(vm.messageProperty()), new MessageBanner(history.messageProperty()),
                form, listTitle, empty, cards);
        content.setPadding(new Insets(20));
        content.setMaxWidth(1200);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        root.setCenter(scroll);

        vm.channels().addListener(redraw);
        history.missed().addListener(redraw);
        history.calls().addListener(redraw);
        history.openChannelProperty().addListener(reopen);
        redrawCards();
        vm.refresh();
    }

    private Node header() {
        Label brand = new Label("Duet", new FontIcon(Feather.VIDEO));
        brand.getStyleClass().add(Styles.TITLE_3);
        Button user = new Button(vm.displayName(), new FontIcon(Feather.USER));
        user.setId("channels-user");
        user.getStyleClass().add(Styles.FLAT);
        user.setAccessibleText("Signed in as " + vm.displayName() + ". Your account");
        user.setTooltip(new Tooltip("Your account: name, password, export, deletion"));
        user.setOnAction(e -> vm.account());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button settings = new Button(null, new FontIcon(Feather.SETTINGS));
        settings.setId("open-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setAccessibleText("Settings");
        settings.setTooltip(new Tooltip("Settings (Ctrl+,)"));
        settings.setOnAction(e -> vm.settings());
        Button logOut = new Button("Log out", new FontIcon(Feather.LOG_OUT));
        logOut.setId("log-out");
        logOut.setOnAction(e -> vm.logOut());
        HBox bar = new HBox(12, brand, spacer, user, settings, logOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("header-bar");
        bar.setPadding(new Insets(10, 20, 10, 20));
        return bar;
    }

    /** Puts the focus on {@code channel}'s card (once it is drawn) instead of the name field. */
    public void focusCardOf(String channel) {
        endedCallChannel = channel;
    }

    /**
     * Rebuilds the cards (on every presence change and history update): the control that had the focus, found
     * again by its id, keeps it; else its card, else the card of the call that just ended takes it.
     */
    private void redrawCards() {
        Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        String focusedId = owner == null ? null : owner.getId();
        String focusedCard = cardHolding(owner);
        cardControls.clear();
        cards.getChildren().setAll(vm.channels().stream().map(this::card).toList());
        Node same = focusedId == null ? null : cards.lookup("#" + focusedId);
        if (same != null) {
            same.requestFocus();
            return;
        }
        String target = focusedCard != null ? focusedCard : owner == null || owner == name ? endedCallChannel : null;
        cardFocus(target).ifPresent(Node::requestFocus);
    }

    private String cardHolding(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getParent() == cards) {
                return n.getId().substring("channel-".length());
            }
        }
        return null;
    }

    private Optional<Node> cardFocus(String channel) {
        return cardControls.getOrDefault(channel, List.of()).stream()
                .filter(n -> !n.isDisabled()).findFirst();
    }

    private Node card(ChannelRow row) {
        Label title = new Label("# " + row.name());
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
        video.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !row.peerOnline() || !vm.callsReady().get(), vm.callsReady()));
        video.setOnAction(e -> vm.call(row, Media.VIDEO));
        Button audio = new Button("Audio", new FontIcon(Feather.PHONE));
        audio.setId("call-audio-" + row.name());
        audio.setAccessibleText("Audio call " + peerName + " in " + row.name());
        audio.setTooltip(new Tooltip("Audio-only call " + peerName));
        audio.disableProperty().bind(video.disableProperty());
        audio.setOnAction(e -> vm.call(row, Media.AUDIO));

        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        more.setId("channel-more-" + row.name());
        more.setAccessibleText("More actions for " + row.name());
        more.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        MenuItem leave = new MenuItem("Leave channel");
        leave.setOnAction(e -> vm.leave(row));
        more.getItems().add(leave);
        if (row.ownedByMe()) {
            MenuItem delete = new MenuItem("Delete channel");
            delete.setId("channel-delete-" + row.name());
            delete.setOnAction(e -> vm.delete(row));
            more.getItems().add(delete);
        }
        cardControls.put(row.name(), List.of(video, audio, more));
        HBox actions = new HBox(8, video, audio, more);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, new HBox(8, title, CallHistoryControls.badge(history, row)), presence, actions,
                CallHistoryControls.actions(history, row, video.disableProperty(), () -> vm.call(row,
                        history.callBackMedia(row.name()))));
        if (row.name().equals(history.openChannelProperty().get())) {
            card.getChildren().add(new ChannelHistoryPane(history, row.name(), ZoneId.systemDefault()));
        }
        card.getStyleClass().add("channel-card");
        card.setId("channel-" + row.name());
        card.setPrefWidth(300);
        card.setPadding(new Insets(16));
        return card;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Channels";
    }

    @Override
    public Node initialFocus() {
        return cardFocus(endedCallChannel).orElse(name);
    }

    @Override
    public void dispose() {
        vm.channels().removeListener(redraw);
        history.missed().removeListener(redraw);
        history.calls().removeListener(redraw);
        history.openChannelProperty().removeListener(reopen);
        vm.dispose();
        history.dispose();
    }
}
