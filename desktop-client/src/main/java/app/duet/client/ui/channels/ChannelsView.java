package app.duet.client.ui.channels;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
    private final ChannelAccessModel access;
    private final ChannelHistoryModel history;
    private final ChannelCard cardMaker;
    private final BorderPane root = new BorderPane();
    private final TextField name = new TextField();
    private final FlowPane cards = new FlowPane(12, 12);
    private final ListChangeListener<Object> redraw = change -> redrawCards();
    private final InvalidationListener reopen = o -> redrawCards();
    private final InvalidationListener redrawOnRequest = o -> redrawCards();
    private final InvalidationListener loadRequests = o -> loadRequests();
    /** Per channel, the controls of its card that can take the focus, in order. */
    private final Map<String, List<Node>> cardControls = new HashMap<>();
    /** The channel of the call that just ended: its card takes the focus, to call back from the keyboard. */
    private String endedCallChannel;

    /** {@code openInvites} shows the "Invite…" dialog of a channel. */
    public ChannelsView(ChannelsViewModel vm, ChannelAccessModel access, ChannelHistoryModel history,
            Consumer<String> openInvites) {
        this.vm = vm;
        this.access = access;
        this.history = history;
        this.cardMaker = new ChannelCard(vm, access, history, openInvites);
        root.setId("channels-screen");
        root.setTop(header());

        name.setId("channel-name");
        name.setPromptText("Invite link, or a name for a new channel");
        name.textProperty().bindBidirectional(vm.channelNameProperty());
        name.setAccessibleText("Invite link to join, or channel name: lower-case letters, digits, dash or underscore.");
        name.setOnAction(e -> vm.join());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button create = new Button("Create", new FontIcon(Feather.PLUS));
        create.setId("channel-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(vm.canSubmitNameProperty().not());
        create.setOnAction(e -> vm.create());
        create.setTooltip(new Tooltip("Create a new private channel with this name; you will own it"));
        Button join = new Button("Join", new FontIcon(Feather.LOG_IN));
        join.setId("channel-join");
        join.disableProperty().bind(vm.canSubmitNameProperty().not());
        join.setOnAction(e -> vm.join());
        join.setTooltip(new Tooltip("Join with the invite link you pasted (Enter)"));
        Button ask = new Button("Ask to join", new FontIcon(Feather.USER_PLUS));
        ask.setId("channel-ask");
        ask.setTooltip(new Tooltip("Ask the owner of this private channel to let you in"));
        ask.visibleProperty().bind(vm.askableProperty().isNotEmpty());
        ask.managedProperty().bind(ask.visibleProperty());
        ask.setAccessibleText("Ask the owner to let you into the channel");
        ask.setOnAction(e -> vm.askToJoin());
        HBox row = new HBox(8, name, create, join, ask);
        row.setAlignment(Pos.CENTER_LEFT);
        Label nameLabel = new Label("Create a channel or join one");
        nameLabel.getStyleClass().add(Styles.TITLE_4);
        nameLabel.setLabelFor(name);
        Label nameHint = new Label("A channel is where two people meet, and it is private. Create one and send the "
                + "other person an invite link from its card, or paste the link they sent you and press Join.");
        nameHint.setWrapText(true);
        nameHint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox form = new VBox(8, nameLabel, nameHint, row);

        Label listTitle = new Label("Your channels");
        listTitle.getStyleClass().add(Styles.TITLE_4);
        Label empty = new Label("No channels yet. Create one and invite the other person, or paste their link.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.channels()));
        empty.managedProperty().bind(empty.visibleProperty());
        cards.setId("channel-cards");

        VBox content = new VBox(16, new MessageBanner(vm.messageProperty()), new MessageBanner(access.messageProperty()),
                new MessageBanner(history.messageProperty()), form, listTitle, empty, cards);
        content.setPadding(new Insets(20));
        content.setMaxWidth(1200);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page");
        root.setCenter(scroll);

        vm.channels().addListener(redraw);
        vm.channels().addListener(loadRequests);
        access.requests().addListener(redrawOnRequest);
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

    private void loadRequests() {
        access.load(List.copyOf(vm.channels()));
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
        cards.getChildren().setAll(vm.channels().stream()
                .map(row -> cardMaker.build(row, controls -> cardControls.put(row.name(), controls))).toList());
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
        vm.channels().removeListener(loadRequests);
        access.requests().removeListener(redrawOnRequest);
        access.dispose();
        history.missed().removeListener(redraw);
        history.calls().removeListener(redraw);
        history.openChannelProperty().removeListener(reopen);
        vm.dispose();
        history.dispose();
    }
}
