package app.duet.client.ui.login;

import org.kordamp.ikonli.feather.Feather;

import javafx.scene.control.PasswordField;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;

/** The log-in form. */
public final class LoginView implements Screen {
    private final Parent root;
    private final TextField username = new TextField();

    public LoginView(LoginViewModel vm) {
        username.setId("login-username");
        username.textProperty().bindBidirectional(vm.form().usernameProperty());
        username.setPromptText("e.g. ann");
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(vm.form().passwordProperty());
        CheckBox remember = new CheckBox("_Remember me on this computer");
        remember.setId("login-remember");
        remember.selectedProperty().bindBidirectional(vm.form().rememberProperty());

        Button logIn = Forms.primary("Log in", Feather.LOG_IN);
        logIn.setId("login-submit");
        logIn.disableProperty().bind(vm.canLogInProperty().not());
        logIn.setOnAction(e -> vm.logIn());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(vm.form().busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Button forgot = Forms.link("Forgot password?");
        forgot.setId("login-forgot");
        forgot.setOnAction(e -> vm.forgotPassword());
        Button signup = Forms.link("New here? Sign up");
        signup.setId("login-signup");
        signup.setOnAction(e -> vm.signUpInstead());
        Button back = Forms.link("← Back");
        back.setId("login-back");
        back.setOnAction(e -> vm.back());

        root = Forms.page(
                back,
                Forms.title("Log in to Duet"),
                new MessageBanner(vm.form().messageProperty()),
                Forms.field("_Username", username, ""),
                Forms.field("_Password", password, ""),
                remember,
                new HBox(8, logIn, progress),
                new HBox(12, forgot, signup));
        HBox.setHgrow(logIn, javafx.scene.layout.Priority.ALWAYS);
        root.setId("login-screen");
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Log in";
    }

    @Override
    public Node initialFocus() {
        return username;
    }
}
