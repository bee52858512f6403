package app.duet.client.ui.reset;

import org.kordamp.ikonli.feather.Feather;

import javafx.scene.control.PasswordField;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;

/** Two-step password reset: request a code, then code + new password. */
public final class ResetPasswordView implements Screen {
    private final Parent root;
    private final TextField login = new TextField();
    private final TextField code = new TextField();

    public ResetPasswordView(ResetPasswordViewModel vm) {
        login.setId("reset-login");
        login.textProperty().bindBidirectional(vm.loginProperty());
        Button request = Forms.primary("Send me a code", Feather.MAIL);
        request.setId("reset-request");
        request.disableProperty().bind(vm.canRequestProperty().not());
        request.setOnAction(e -> vm.requestCode());
        VBox requestStep = new VBox(14,
                Forms.paragraph("Enter your username or e-mail address. We'll e-mail you a code to set a new password."),
                Forms.field("_Username or e-mail", login, ""), request);

        TextField username = new TextField();
        username.setId("reset-username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        code.setId("reset-code");
        code.textProperty().bindBidirectional(vm.codeProperty());
        PasswordField password = new PasswordField();
        password.setId("reset-new-password");
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        Button confirm = Forms.primary("Set new password", Feather.KEY);
        confirm.setId("reset-confirm");
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        confirm.setOnAction(e -> vm.confirm());
        Button again = Forms.link("Didn't get a code? Ask again");
        again.setId("reset-again");
        again.setOnAction(e -> vm.startOver());
        VBox confirmStep = new VBox(14,
                Forms.field("_Username", username, ""),
                Forms.field("Reset _code", code, "From the e-mail we just sent."),
                Forms.field("_New password", password, "At least 8 characters."),
                confirm, again);

        requestStep.visibleProperty().bind(vm.stepProperty().isEqualTo(ResetPasswordViewModel.Step.REQUEST_CODE));
        requestStep.managedProperty().bind(requestStep.visibleProperty());
        confirmStep.visibleProperty().bind(requestStep.visibleProperty().not());
        confirmStep.managedProperty().bind(confirmStep.visibleProperty());
        vm.stepProperty().addListener((obs, old, now) -> code.requestFocus());

        Button back = Forms.link("← Back to log in");
        back.setId("reset-back");
        back.setOnAction(e -> vm.back());
        root = Forms.page(back, Forms.title("Reset your password"), new MessageBanner(vm.messageProperty()),
                requestStep, confirmStep);
        root.setId("reset-screen");
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Reset password";
    }

    @Override
    public Node initialFocus() {
        return login;
    }
}
