package app.duet.client.ui.signup;

import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.RegistrationMode;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import javafx.scene.control.PasswordField;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;
import app.duet.protocol.FieldFormat;

/** The sign-up form. */
public final class SignupView implements Screen {
    private final Parent root;
    private final TextField username = new TextField();

    public SignupView(SignupViewModel vm) {
        username.setId("signup-username");
        username.textProperty().bindBidirectional(vm.form().usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("signup-display-name");
        displayName.setPromptText("How others see you, e.g. Ann Smith");
        displayName.textProperty().bindBidirectional(vm.displayNameProperty());
        TextField email = new TextField();
        email.setId("signup-email");
        email.textProperty().bindBidirectional(vm.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("signup-password");
        password.textProperty().bindBidirectional(vm.form().passwordProperty());
        PasswordField confirm = new PasswordField();
        confirm.setId("signup-confirm");
        confirm.textProperty().bindBidirectional(vm.confirmProperty());
        CheckBox remember = new CheckBox("_Remember me on this computer");
        remember.setId("signup-remember");
        remember.selectedProperty().bindBidirectional(vm.form().rememberProperty());

        Button submit = Forms.primary("Create account", Feather.USER_PLUS);
        submit.setId("signup-submit");
        submit.disableProperty().bind(vm.canSignUpProperty().not());
        submit.setOnAction(e -> vm.signUp());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(20, 20);
        progress.visibleProperty().bind(vm.form().busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(submit, Priority.ALWAYS);

        Button login = Forms.link("Already have an account? Log in");
        login.setId("signup-login");
        login.setOnAction(e -> vm.logInInstead());
        Button back = Forms.link("← Back");
        back.setId("signup-back");
        back.setOnAction(e -> vm.back());

        TextField invite = new TextField();
        invite.setId("signup-invite");
        invite.textProperty().bindBidirectional(vm.inviteProperty());
        VBox inviteField = Forms.field("_Invite", invite, "This server takes new accounts by invitation: paste the "
                + "invite its admin gave you.");
        inviteField.setVisible(vm.registration() == RegistrationMode.INVITE);
        inviteField.setManaged(inviteField.isVisible());
        MessageBanner closed = new MessageBanner(new SimpleObjectProperty<>(vm.registration() != RegistrationMode.CLOSED
                ? null : UserMessage.warning("This server does not take new accounts.",
                        "Its admin creates accounts: ask them for one, then log in.")));
        closed.setId("signup-closed");

        root = Forms.page(
                back,
                Forms.title("Create your Duet account"),
                closed,
                new MessageBanner(vm.form().messageProperty()),
                inviteField,
                Forms.field("_Username", username, capitalised(FieldFormat.USERNAME.description()) + "."),
                Forms.field("_Display name", displayName, ""),
                Forms.field("_E-mail", email, vm.verifiesEmail()
                        ? "We'll mail a code to it to finish signing up; also used if you forget your password."
                        + " Nobody else sees it."
                        : "Only used to send you a code if you forget your password."),
                Forms.field("_Password", password, "At least 8 characters."),
                Forms.field("_Confirm password", confirm, ""),
                remember,
                new HBox(8, submit, progress),
                login);
        root.setId("signup-screen");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Sign up";
    }

    @Override
    public Node initialFocus() {
        return username;
    }
}
