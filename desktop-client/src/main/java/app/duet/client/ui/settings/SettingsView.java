package app.duet.client.ui.settings;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import app.duet.client.call.media.DeviceInfo;
import app.duet.client.config.ClientSettings.Theme;
import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.common.VideoView;
import app.duet.client.ui.shell.Screen;

/** Settings: devices with preview and level meter, server address, relay-only, theme. */
public final class SettingsView implements Screen {
    private final SettingsViewModel vm;
    /**
     * Held for the screen's life: the check boxes reach it only through bidirectional bindings, which JavaFX
     * keeps weakly, so without this a garbage collection unhooks them and a click saves nothing.
     */
    private final DesktopSettingsModel desktop;
    private final Parent root;
    private final Button back;
    private final VideoView preview;

    public SettingsView(SettingsViewModel vm, DesktopSettingsModel desktop) {
        this.vm = vm;
        this.desktop = desktop;
        DeviceSettingsModel devices = vm.devices();
        back = Forms.link("← Back");
        back.setId("settings-back");
        back.setOnAction(e -> vm.back());

        Label noCamera = new Label();
        noCamera.setGraphic(new FontIcon(Feather.CAMERA_OFF));
        noCamera.setWrapText(true);
        noCamera.textProperty().bind(javafx.beans.binding.Bindings.when(devices.previewUnavailableProperty())
                .then("Your camera shows here during a call").otherwise("Camera preview"));
        noCamera.getStyleClass().add(Styles.TEXT_MUTED);
        preview = new VideoView(noCamera);
        preview.setId("settings-preview");
        preview.setPrefSize(320, 180);
        preview.setMaxSize(320, 180);
        devices.previewVideoProperty().addListener((obs, old, now) -> preview.attach(now));

        ComboBox<DeviceInfo> camera = deviceBox("settings-camera", devices.cameras(), "No camera found");
        camera.valueProperty().bindBidirectional(devices.cameraProperty());
        ComboBox<DeviceInfo> microphone = deviceBox("settings-microphone", devices.microphones(), "No microphone found");
        microphone.valueProperty().bindBidirectional(devices.microphoneProperty());
        ComboBox<DeviceInfo> speaker = deviceBox("settings-speaker", devices.speakers(), "No speaker found");
        speaker.valueProperty().bindBidirectional(devices.speakerProperty());
        ProgressBar level = new ProgressBar();
        level.setId("settings-mic-level");
        level.progressProperty().bind(devices.levelProperty());
        level.setMaxWidth(Double.MAX_VALUE);
        level.setAccessibleText("Microphone level");
        Label deviceStatus = new Label();
        deviceStatus.setId("settings-device-status");
        deviceStatus.setWrapText(true);
        deviceStatus.textProperty().bind(devices.statusProperty());
        deviceStatus.visibleProperty().bind(devices.statusProperty().isNotEmpty());
        deviceStatus.managedProperty().bind(deviceStatus.visibleProperty());

        TextField server = new TextField();
        server.setId("settings-server");
        server.textProperty().bindBidirectional(vm.serverAddressProperty());
        server.setOnAction(e -> vm.applyServer());
        Button applyServer = new Button("Use this server");
        applyServer.setId("settings-server-apply");
        applyServer.setOnAction(e -> vm.applyServer());

        CheckBox relay = new CheckBox("Always relay calls through the TURN server");
        relay.setId("settings-force-relay");
        relay.selectedProperty().bindBidirectional(vm.forceRelayProperty());
        CheckBox ring = new CheckBox("Play a ring sound for calls");
        ring.setId("settings-ring-sound");
        ring.selectedProperty().bindBidirectional(vm.ringSoundProperty());

        ToggleGroup themes = new ToggleGroup();
        RadioButton light = new RadioButton("Light");
        light.setId("settings-theme-light");
        light.setToggleGroup(themes);
        RadioButton dark = new RadioButton("Dark");
        dark.setId("settings-theme-dark");
        dark.setToggleGroup(themes);
        (vm.themeProperty().get() == Theme.DARK ? dark : light).setSelected(true);
        themes.selectedToggleProperty().addListener((obs, old, now) ->
                vm.themeProperty().set(now == dark ? Theme.DARK : Theme.LIGHT));

        root = Forms.page(back, Forms.title("Settings"), new MessageBanner(vm.messageProperty()),
                Forms.section("Camera and sound"), preview, deviceStatus,
                Forms.field("_Camera", camera, ""),
                Forms.field("_Microphone", microphone, "Speak: the bar below should move."), level,
                Forms.field("_Speaker", speaker, ""),
                Forms.section("Connection"),
                Forms.field("Server _address", server, "ws://host:port, or wss://host for a server with TLS."),
                applyServer,
                relay,
                Forms.paragraph("Relaying hides your IP address from the other person and gets through strict "
                        + "firewalls, at some cost in delay. Needs a TURN server configured on the server. "
                        + "Applies from the next call you make or answer; a call in progress keeps its connection."),
                Forms.section("Sound"),
                ring,
                Forms.paragraph("The ring of an incoming call, and the tone you hear while the other person's "
                        + "Duet rings."),
                Forms.section("Incoming calls"),
                DesktopSection.incomingCalls(desktop),
                Forms.section("Background"),
                DesktopSection.background(desktop),
                Forms.section("Appearance"),
                new HBox(16, light, dark),
                accountSection());
        root.setId("settings-screen");
        devices.load();
    }

    /** "Log out everywhere", shown while signed in; asks before doing it. */
    private Node accountSection() {
        Button ask = new Button("Log out everywhere…", new FontIcon(Feather.LOG_OUT));
        ask.setId("settings-logout-everywhere");
        ask.setOnAction(e -> vm.askLogoutEverywhere());
        Label question = new Label("Log out of Duet on every device, this one included? Anyone using your "
                + "account elsewhere is signed out at once; calls in progress end.");
        question.setWrapText(true);
        question.setId("settings-logout-everywhere-question");
        Button confirm = new Button("Yes, log out everywhere", new FontIcon(Feather.LOG_OUT));
        confirm.setId("settings-logout-everywhere-confirm");
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setOnAction(e -> vm.logoutEverywhere());
        confirm.disableProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("settings-logout-everywhere-cancel");
        cancel.setOnAction(e -> {
            vm.cancelLogoutEverywhere();
            ask.requestFocus();
        });
        javafx.scene.layout.FlowPane answers = new javafx.scene.layout.FlowPane(10, 10, confirm, cancel);
        javafx.scene.layout.VBox confirmation = new javafx.scene.layout.VBox(10, question, answers);
        confirmation.setId("settings-logout-everywhere-confirmation");
        confirmation.setAccessibleRole(javafx.scene.AccessibleRole.DIALOG);
        confirmation.setAccessibleText(question.getText());
        confirmation.visibleProperty().bind(vm.confirmingLogoutEverywhereProperty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        ask.visibleProperty().bind(vm.confirmingLogoutEverywhereProperty().not());
        ask.managedProperty().bind(ask.visibleProperty());
        vm.confirmingLogoutEverywhereProperty().addListener((obs, old, now) -> {
            if (now) {
                cancel.requestFocus(); // the safe answer first, for keyboard users
            }
        });
        Button manage = new Button("Your account…", new FontIcon(Feather.USER));
        manage.setId("settings-account");
        manage.setOnAction(e -> vm.account());
        javafx.scene.layout.VBox account = new javafx.scene.layout.VBox(10, Forms.section("Account"),
                Forms.paragraph("Your display name, password, a copy of your data, or deleting the account."), manage,
                Forms.paragraph("Lost a laptop, or signed in on a computer that isn't yours? This ends every "
                        + "session of your account."), ask, confirmation);
        account.visibleProperty().bind(vm.signedIn());
        account.managedProperty().bind(account.visibleProperty());
        return account;
    }

    private static ComboBox<DeviceInfo> deviceBox(String id, javafx.collections.ObservableList<DeviceInfo> items,
                                                  String none) {
        ComboBox<DeviceInfo> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText(none);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceInfo d) {
                return d == null ? none : d.name() + (d.isDefault() ? " (default)" : "");
            }

            @Override
            public DeviceInfo fromString(String s) {
                return null;
            }
        });
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(DeviceInfo item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? none : box.getConverter().toString(item));
            }
        });
        box.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(items));
        return box;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node initialFocus() {
        return back;
    }

    @Override
    public void dispose() {
        preview.attach(null);
        vm.devices().stopPreview();
    }
}
