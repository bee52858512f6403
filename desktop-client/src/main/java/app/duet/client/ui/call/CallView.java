package app.duet.client.ui.call;

import java.util.Map;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.duet.client.ui.common.VideoView;
import app.duet.client.ui.help.Shortcut;
import app.duet.client.ui.shell.Screen;

/**
 * The call: remote video large, self-view picture-in-picture, who and where, status, timer, quality,
 * safety code, the controls and the chat. Below {@link #NARROW} pixels the secondary controls fold into a
 * "More" menu.
 */
public final class CallView implements Screen {
    static final double NARROW = 640;

    private final CallViewModel vm;
    private final FilePicker files;
    private final BorderPane root = new BorderPane();
    private final VideoView remote;
    private final VideoView self;
    private final Button micButton;

    public CallView(CallViewModel vm, FilePicker files) {
        this.vm = vm;
        this.files = files;
        root.setId("call-screen");
        root.getStyleClass().add("call-screen");

        remote = new VideoView(audioPlaceholder());
        remote.setId("call-remote-video");
        vm.remoteVideoProperty().addListener((obs, old, now) -> remote.attach(now));
        remote.attach(vm.remoteVideoProperty().get());
        Label selfOff = new Label("You", new FontIcon(Feather.CAMERA_OFF));
        self = new VideoView(selfOff);
        self.setId("call-self-view");
        self.follow(remote); // one present per remote frame for both pictures (decision 0016)
        self.getStyleClass().add("self-view");
        // Picture-in-picture: a quarter of the stage's width (at most 240 px), 16:9.
        StackPane stageBox = new StackPane();
        self.prefWidthProperty().bind(javafx.beans.binding.Bindings.min(240, stageBox.widthProperty().multiply(0.25)));
        self.prefHeightProperty().bind(self.prefWidthProperty().multiply(9.0 / 16));
        self.maxWidthProperty().bind(self.prefWidthProperty());
        self.maxHeightProperty().bind(self.prefHeightProperty());
        self.visibleProperty().bind(vm.own().cameraOnProperty().or(vm.own().sharingProperty()));
        vm.selfViewProperty().addListener((obs, old, now) -> self.attach(now));
        self.attach(vm.selfViewProperty().get());
        StackPane stage = stageBox;
        stage.getChildren().addAll(remote, self, talkingBadge());
        StackPane.setAlignment(self, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(self, new Insets(12));
        stage.getStyleClass().add("call-stage");
        stage.setMinSize(0, 0);

        root.setTop(new CallInfoBar(vm));
        root.setCenter(stage);
        ChatPanel chat = new ChatPanel(vm.chat(), this::pickFile);
        chat.visibleProperty().bind(vm.chat().visibleProperty());
        chat.managedProperty().bind(chat.visibleProperty());
        root.setRight(chat);

        micButton = toggle("call-mic", Feather.MIC, Feather.MIC_OFF, vm.own().micOnProperty().get(), vm.own().micText(),
                CallShortcuts.MIC, vm.own()::toggleMic);
        javafx.beans.binding.BooleanBinding live = vm.own().micOnProperty().or(vm.own().talkingProperty());
        live.addListener((obs, old, on) -> ((FontIcon) micButton.getGraphic())
                .setIconCode(on ? Feather.MIC : Feather.MIC_OFF));
        Button camera = toggle("call-camera", Feather.VIDEO, Feather.VIDEO_OFF, vm.own().cameraOnProperty().get(),
                vm.own().cameraText(), CallShortcuts.CAMERA, vm.own()::toggleCamera);
        vm.own().cameraOnProperty().addListener((obs, old, on) -> ((FontIcon) camera.getGraphic())
                .setIconCode(on ? Feather.VIDEO : Feather.VIDEO_OFF));
        Button share = control("call-share", Feather.MONITOR, vm.own().shareText(), CallShortcuts.SHARE, this::shareOrStop);
        vm.own().sharingProperty().addListener((obs, old, on) -> share.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("active"), on));
        ToggleButton chatToggle = new ToggleButton(null, new FontIcon(Feather.MESSAGE_SQUARE));
        chatToggle.setId("call-chat");
        chatToggle.selectedProperty().bindBidirectional(vm.chat().visibleProperty());
        describe(chatToggle, "Chat and files", CallShortcuts.CHAT);
        Button file = control("call-file", Feather.PAPERCLIP, constant("Send a file"), CallShortcuts.SEND_FILE,
                this::pickFile);
        file.disableProperty().bind(vm.chat().openProperty().not());
        Button hangUp = control("call-hangup", Feather.PHONE_OFF, constant("Hang up"), CallShortcuts.HANG_UP,
                vm::hangUp);
        hangUp.getStyleClass().addAll(Styles.DANGER, "hangup-button");

        MenuButton more = new MenuButton(null, new FontIcon(Feather.MORE_HORIZONTAL));
        more.setId("call-more");
        more.setAccessibleText("More call controls");
        MenuItem moreShare = new MenuItem();
        moreShare.textProperty().bind(vm.own().shareText());
        moreShare.setOnAction(e -> shareOrStop());
        MenuItem moreChat = new MenuItem("Chat and files");
        moreChat.setOnAction(e -> vm.chat().toggle());
        MenuItem moreFile = new MenuItem("Send a file");
        moreFile.setOnAction(e -> pickFile());
        MenuItem logOut = new MenuItem("Hang up and log out");
        logOut.setId("call-log-out");
        logOut.setOnAction(e -> vm.logOut());
        more.getItems().addAll(moreShare, moreChat, moreFile, new javafx.scene.control.SeparatorMenuItem(), logOut);

        HBox controls = new HBox(10, micButton, camera, share, chatToggle, file, more, hangUp);
        controls.setAlignment(Pos.CENTER);
        controls.setPadding(new Insets(10));
        controls.getStyleClass().add("call-controls");
        root.setBottom(controls);
        // Narrow windows keep mic, camera and hang-up in sight and fold the rest into "More".
        java.util.List<MenuItem> folded = java.util.List.of(moreShare, moreChat, moreFile);
        root.widthProperty().addListener((obs, old, w) -> fold(w.doubleValue() < NARROW, share, chatToggle, file, folded));
        fold(false, share, chatToggle, file, folded);

        Map<KeyCombination, Runnable> accelerators = Map.of(
                CallShortcuts.MIC.keys(), vm.own()::toggleMic,
                CallShortcuts.CAMERA.keys(), vm.own()::toggleCamera,
                CallShortcuts.SHARE.keys(), this::shareOrStop,
                CallShortcuts.CHAT.keys(), vm.chat()::toggle,
                CallShortcuts.SEND_FILE.keys(), this::pickFile,
                CallShortcuts.QUALITY.keys(), () -> vm.qualityDetailsVisibleProperty().set(!vm.qualityDetailsVisibleProperty().get()),
                CallShortcuts.HANG_UP.keys(), vm::hangUp,
                CallShortcuts.FULL_SCREEN.keys(), this::toggleFullScreen);
        SceneShortcuts.whileShown(root, accelerators);
        PushToTalkKeys.whileShown(root, vm.own());
    }


    /** "Live" over the video while the push-to-talk key is held: the far side hears us although we are muted. */
    private Label talkingBadge() {
        Label badge = new Label(null, new FontIcon(Feather.MIC));
        badge.setId("call-talking");
        badge.textProperty().bind(vm.own().micText());
        badge.getStyleClass().add("talking-badge");
        badge.visibleProperty().bind(vm.own().talkingProperty());
        StackPane.setAlignment(badge, Pos.TOP_CENTER);
        StackPane.setMargin(badge, new Insets(12));
        return badge;
    }

    /** What the big area shows without remote video: the name and a speaking indicator. */
    private Node audioPlaceholder() {
        Label initials = new Label(initials(vm.peerName()));
        initials.getStyleClass().add("avatar");
        Label name = new Label(vm.peerName());
        name.getStyleClass().add(Styles.TITLE_2);
        Label speaking = new Label();
        speaking.setId("call-speaking");
        speaking.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.remoteLevelProperty().get() > 0.05 ? "Speaking" : " ", vm.remoteLevelProperty()));
        speaking.setGraphic(new FontIcon(Feather.VOLUME_2));
        speaking.graphicProperty().get().visibleProperty().bind(vm.remoteLevelProperty().greaterThan(0.05));
        vm.remoteLevelProperty().addListener((obs, old, level) ->
                initials.setStyle("-fx-border-width: " + (2 + Math.min(10, level.doubleValue() * 30)) + ";"));
        VBox box = new VBox(12, initials, name, speaking);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("audio-placeholder");
        return box;
    }

    private void shareOrStop() {
        if (vm.own().sharingProperty().get()) {
            vm.own().stopSharing();
            return;
        }
        vm.own().displays().whenComplete((displays, error) -> {
            ContextMenu picker = new ContextMenu();
            if (error != null || displays.isEmpty()) {
                MenuItem none = new MenuItem("No screen can be shared here");
                none.setDisable(true);
                picker.getItems().add(none);
            } else {
                displays.forEach(d -> {
                    MenuItem item = new MenuItem(d.name() + " (" + d.width() + "×" + d.height() + ")"
                            + (d.primary() ? " — main" : ""));
                    item.setOnAction(e -> vm.own().shareScreen(d));
                    picker.getItems().add(item);
                });
            }
            Node anchor = root.lookup("#call-share");
            Node at = anchor != null && anchor.isVisible() ? anchor : root.lookup("#call-more");
            picker.show(at, javafx.geometry.Side.TOP, 0, 0);
        });
    }

    private void pickFile() {
        if (!vm.chat().openProperty().get()) {
            return;
        }
        files.pick(root.getScene().getWindow(), "Send a file to " + vm.peerName()).ifPresent(vm.chat()::sendFile);
    }

    private void toggleFullScreen() {
        Scene scene = root.getScene();
        if (scene != null && scene.getWindow() instanceof Stage window) {
            window.setFullScreen(!window.isFullScreen());
        }
    }

    private static void fold(boolean narrow, Node share, Node chat, Node file, java.util.List<MenuItem> inMenu) {
        for (Node n : new Node[] {share, chat, file}) {
            n.setVisible(!narrow);
            n.setManaged(!narrow);
        }
        inMenu.forEach(item -> item.setVisible(narrow));
    }

    private static Button toggle(String id, Feather on, Feather off, boolean initiallyOn, StringBinding text,
                                 Shortcut shortcut, Runnable action) {
        Button b = control(id, initiallyOn ? on : off, text, shortcut, action);
        b.getStyleClass().add("call-toggle");
        return b;
    }

    private static Button control(String id, Feather icon, StringBinding text, Shortcut shortcut, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_CIRCLE, "call-control");
        b.accessibleTextProperty().bind(text);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.concat(text, " (", shortcut.keysText(), ")"));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static void describe(ToggleButton b, String text, Shortcut shortcut) {
        b.getStyleClass().addAll(Styles.BUTTON_CIRCLE, "call-control");
        b.setAccessibleText(text);
        b.setTooltip(new Tooltip(shortcut.tooltip(text)));
    }

    private static StringBinding constant(String text) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> text);
    }

    private static String initials(String name) {
        String[] parts = name.trim().split("\\s+");
        String first = parts[0].isEmpty() ? "?" : parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Call with " + vm.peerName();
    }

    @Override
    public Node initialFocus() {
        return micButton;
    }

    @Override
    public void dispose() {
        remote.attach(null);
        self.attach(null);
    }
}
