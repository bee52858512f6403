package app.duet.client.ui.welcome;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;

/** Welcome: what Duet is, Sign up / Log in, and the server. */
public final class WelcomeView implements Screen {
    private final Parent root;
    private final Button signUp;

    public WelcomeView(WelcomeViewModel vm) {
        FontIcon logo = new FontIcon(Feather.VIDEO);
        logo.getStyleClass().add("welcome-logo");
        Label name = new Label("Duet");
        name.getStyleClass().add(Styles.TITLE_1);
        HBox brand = new HBox(12, logo, name);
        brand.setAlignment(Pos.CENTER_LEFT);

        VBox points = new VBox(8,
                point(Feather.LOCK, "Private: calls go straight between you and the other person, encrypted end to end."),
                point(Feather.ZAP, "Fast: audio, video and screen sharing with one person at a time."),
                point(Feather.HASH, "Simple: meet in a channel by name, then press Video or Audio."));

        signUp = Forms.primary("Sign up", Feather.USER_PLUS);
        signUp.setId("welcome-signup");
        signUp.setOnAction(e -> vm.signUp());
        Button logIn = Forms.secondary("Log in", Feather.LOG_IN);
        logIn.setId("welcome-login");
        logIn.setOnAction(e -> vm.logIn());
        HBox actions = new HBox(12, signUp, logIn);
        HBox.setHgrow(signUp, Priority.ALWAYS);
        HBox.setHgrow(logIn, Priority.ALWAYS);

        TextField server = new TextField();
        server.setId("welcome-server");
        server.textProperty().bindBidirectional(vm.serverAddressProperty());
        server.setOnAction(e -> vm.applyServer());
        server.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.applyServer();
            }
        });
        Label status = new Label();
        status.setId("welcome-connection");
        status.textProperty().bind(vm.connectionTextProperty());
        status.getStyleClass().add(Styles.TEXT_SMALL);
        vm.connectionProperty().addListener((obs, old, now) -> styleStatus(status, now));
        styleStatus(status, vm.connectionProperty().get());
        VBox serverField = Forms.field("_Server", server,
                "The server's name, e.g. duet.example.org, as whoever runs it tells you (an invite link fills it in). "
                        + "The default works when the server runs on this computer.");
        serverField.getChildren().add(status);

        Button settings = Forms.link("Settings");
        settings.setId("welcome-settings");
        settings.setGraphic(new FontIcon(Feather.SETTINGS));
        settings.setOnAction(e -> vm.settings());

        root = Forms.page(brand,
                Forms.paragraph("Private, fast one-to-one calls on your desktop."),
                points,
                new MessageBanner(vm.messageProperty()),
                new UnencryptedQuestion(vm), // up here, where a small window still shows it
                actions,
                serverField,
                settings);
        root.setId("welcome-screen");
    }

    private static HBox point(Feather icon, String text) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add(Styles.ACCENT);
        Label label = new Label(text);
        label.setWrapText(true);
        HBox row = new HBox(10, glyph, label);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static void styleStatus(Label status, ConnectionState state) {
        status.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        status.getStyleClass().add(switch (state) {
            case CONNECTED, IDLE -> Styles.SUCCESS;
            case OFFLINE, REFUSED -> Styles.DANGER;
            default -> Styles.WARNING;
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Welcome";
    }

    @Override
    public Node initialFocus() {
        return signUp;
    }
}
