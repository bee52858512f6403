package app.duet.client.ui.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.RegistrationMode;

class SignupViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final SignupViewModel vm = new SignupViewModel(accounts, false, navigator, Runnable::run);

    private void fill(String username, String displayName, String email, String password, String confirm) {
        vm.form().usernameProperty().set(username);
        vm.displayNameProperty().set(displayName);
        vm.emailProperty().set(email);
        vm.form().passwordProperty().set(password);
        vm.confirmProperty().set(confirm);
    }

    @Test
    void createsTheAccountAndOpensTheChannels() {
        fill(" Ann ", " Ann Lee ", " ann@example.org ", "correct horse", "correct horse");

        vm.signUp();

        assertThat(accounts.sent.only("signup").args())
                .containsExactly("ann", "Ann Lee", "ann@example.org", "correct horse", true);
        assertThat(vm.form().busyProperty().get()).isTrue();
        assertThat(vm.canSignUpProperty().get()).isFalse();
        assertThat(vm.form().messageProperty().get()).isEqualTo(UserMessage.info("Creating your account…"));

        accounts.sent.last().succeed(FakeAccounts.auth("ann", "Ann Lee"));

        assertThat(vm.form().busyProperty().get()).isFalse();
        assertThat(vm.form().messageProperty().get()).isNull();
        assertThat(navigator.visits()).containsExactly("channels");
    }

    @Test
    void aServerThatVerifiesAddressesSendsTheNewAccountToCheckItsMail() {
        SignupViewModel verifying = new SignupViewModel(accounts, true, navigator, Runnable::run);
        assertThat(verifying.verifiesEmail()).isTrue();
        verifying.form().usernameProperty().set("ann");
        verifying.emailProperty().set("ann@example.org");
        verifying.form().passwordProperty().set("correct horse");
        verifying.confirmProperty().set("correct horse");

        verifying.signUp();
        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.EMAIL_UNVERIFIED,
                "We mailed a code to ann@example.org: enter it to finish signing up, or ask for a new one."));

        assertThat(navigator.visits()).containsExactly("verifyEmail as ann");
        assertThat(navigator.notice().text()).contains("ann@example.org");
    }

    @Test
    void aSignUpWhoseMailCouldNotBeSentStaysOnTheForm() {
        fill("ann", "Ann", "ann@example.org", "correct horse", "correct horse");
        vm.signUp();
        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.EMAIL_NOT_SENT, "Try again later."));

        assertThat(navigator.visits()).isEmpty();
        assertThat(vm.form().messageProperty().get().text()).isEqualTo("The e-mail could not be sent.");
    }

    @Test
    void aBlankDisplayNameBecomesTheUsername() {
        fill("ann", " ", "ann@example.org", "correct horse", "correct horse");
        vm.form().rememberProperty().set(false);

        vm.signUp();

        assertThat(accounts.sent.only("signup").args())
                .containsExactly("ann", "ann", "ann@example.org", "correct horse", false);
    }

    @Test
    void mistakesAreExplainedWithoutAskingTheServer() {
        fill("ann", "Ann", "ann@example.org", "correct horse", "correct hose");

        vm.signUp();

        assertThat(vm.form().messageProperty().get())
                .isEqualTo(UserMessage.error("The two passwords differ.", "Type the same password twice."));
        assertThat(vm.form().busyProperty().get()).isFalse();
        assertThat(accounts.sent.names()).isEmpty();
    }

    @Test
    void needsUsernameEmailAndPassword() {
        fill("ann", "", "", "correct horse", "correct horse");
        assertThat(vm.canSignUpProperty().get()).isFalse();
        vm.signUp();
        assertThat(accounts.sent.names()).isEmpty();

        vm.emailProperty().set("ann@example.org");
        assertThat(vm.canSignUpProperty().get()).isTrue();
        vm.form().usernameProperty().set(" ");
        assertThat(vm.canSignUpProperty().get()).isFalse();
    }

    @Test
    void aTakenUsernameIsExplainedAndTheFormStaysFilled() {
        fill("ann", "Ann", "ann@example.org", "correct horse", "correct horse");
        vm.signUp();

        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.USERNAME_TAKEN, "taken"));

        assertThat(vm.form().messageProperty().get())
                .isEqualTo(UserMessage.error("That username is taken.", "Pick another one."));
        assertThat(vm.form().passwordProperty().get()).isEqualTo("correct horse");
        assertThat(vm.canSignUpProperty().get()).isTrue();
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void aWeakPasswordShowsTheServersAdvice() {
        fill("ann", "Ann", "ann@example.org", "password", "password");
        vm.signUp();

        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.WEAK_PASSWORD, "Too common."));

        assertThat(vm.form().messageProperty().get())
                .isEqualTo(UserMessage.error("That password is too weak.", "Too common."));
    }

    @Test
    void linksGoToTheirScreens() {
        vm.logInInstead();
        vm.back();

        assertThat(navigator.visits()).containsExactly("login", "welcome");
    }

    @Test
    void anInviteServerNeedsTheInviteAndGetsIt() {
        accounts.registration = RegistrationMode.INVITE;
        SignupViewModel invited = new SignupViewModel(accounts, false, navigator, Runnable::run);
        invited.form().usernameProperty().set("ann");
        invited.emailProperty().set("ann@example.org");
        invited.form().passwordProperty().set("correct horse");
        invited.confirmProperty().set("correct horse");

        invited.signUp();
        assertThat(accounts.sent.all()).isEmpty();
        assertThat(invited.form().messageProperty().get().text()).isEqualTo("This server needs an invite to create an account.");

        invited.inviteProperty().set(" inv_abc ");
        invited.signUp();
        assertThat(accounts.sent.only("signup").args())
                .containsExactly("ann", "ann", "ann@example.org", "correct horse", "inv_abc", true);
    }

    @Test
    void aClosedServerTakesNoSignUp() {
        accounts.registration = RegistrationMode.CLOSED;
        SignupViewModel closed = new SignupViewModel(accounts, false, navigator, Runnable::run);
        closed.form().usernameProperty().set("ann");
        closed.emailProperty().set("ann@example.org");
        closed.form().passwordProperty().set("correct horse");

        assertThat(closed.canSignUpProperty().get()).isFalse();
        closed.signUp();
        assertThat(accounts.sent.all()).isEmpty();
    }
}
