package app.duet.client.ui.verify;

import org.kordamp.ikonli.feather.Feather;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import app.duet.client.ui.common.Forms;
import app.duet.client.ui.common.MessageBanner;
import app.duet.client.ui.shell.Screen;

/** "Check your e-mail, enter the code", with a new code on request (to a corrected address too). */
public final class VerifyEmailView implements Screen {
    private final Parent root;
    private final TextField code = new TextField();

    public VerifyEmailView(VerifyEmailViewModel vm) {
        code.setId("verify-code");
        code.setPromptText("8 digits");
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.setOnAction(e -> vm.verify());
        Button verify = Forms.primary("Verify and sign in", Feather.CHECK);
        verify.setId("verify-submit");
        verify.disableProperty().bind(vm.canVerifyProperty().not());
        verify.setOnAction(e -> vm.verify());

        TextField email = new TextField();
        email.setId("verify-email");
        email.textProperty().bindBidirectional(vm.emailProperty());
        Button resend = Forms.secondary("Send a new code", Feather.MAIL);
        resend.setId("verify-resend");
        resend.disableProperty().bind(vm.canResendProperty().not());
        resend.setOnAction(e -> vm.resend());
        VBox again = new VBox(14,
                Forms.paragraph("No mail after a few minutes? Look in its spam folder, or check the address and "
                        + "send a new code."),
                Forms.field("E-_mail address", email, "Change it if it was mistyped: the new code goes there."),
                resend);

        Button back = Forms.link("← Back to log in");
        back.setId("verify-back");
        back.setOnAction(e -> vm.back());
        root = Forms.page(back, Forms.title("Check your e-mail"), new MessageBanner(vm.messageProperty()),
                Forms.paragraph("To finish signing up as " + vm.username() + ", enter the code we mailed you."),
                Forms.field("Verification _code", code, "It works once, for 30 minutes."), verify, again);
        root.setId("verify-screen");
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String title() {
        return "Verify your e-mail";
    }

    @Override
    public Node initialFocus() {
        return code;
    }
}
