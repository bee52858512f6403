package app.duet.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.protocol.ErrorCode;

class LoginViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final LoginViewModel vm = new LoginViewModel(accounts, navigator, Runnable::run, "", null);

    private void type(String username, String password) {
        vm.form().usernameProperty().set(username);
        vm.form().passwordProperty().set(password);
    }

    @Test
    void logsInAsTheTrimmedLowerCaseUsernameAndOpensTheChannels() {
        type("  Ann ", "correct horse");
        vm.form().rememberProperty().set(false);

        vm.logIn();

        assertThat(accounts.sent.only("login").args()).containsExactly("ann", "correct horse", false);
        assertThat(vm.form().busyProperty().get()).isTrue();
        assertThat(vm.canLogInProperty().get()).isFalse();
        assertThat(vm.form().messageProperty().get()).isEqualTo(UserMessage.info("Logging in…"));
        assertThat(navigator.visits()).isEmpty();

        accounts.sent.last().succeed(FakeAccounts.auth("ann", "Ann"));

        assertThat(vm.form().busyProperty().get()).isFalse();
        assertThat(vm.form().messageProperty().get()).isNull();
        assertThat(navigator.visits()).containsExactly("channels");
    }

    @Test
    void needsAUsernameAndAPasswordAndOneRequestAtATime() {
        assertThat(vm.canLogInProperty().get()).isFalse();
        type("   ", "correct horse");
        assertThat(vm.canLogInProperty().get()).isFalse();
        type("ann", "");
        assertThat(vm.canLogInProperty().get()).isFalse();
        vm.logIn();
        assertThat(accounts.sent.names()).isEmpty();

        type("ann", "x");
        assertThat(vm.canLogInProperty().get()).isTrue();
        vm.logIn();
        vm.logIn();
        assertThat(accounts.sent.names()).containsExactly("login");
    }

    @Test
    void aWrongPasswordIsExplainedWithAHintAndTheFieldIsCleared() {
        type("ann", "wrong one");
        vm.logIn();

        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.WRONG_CREDENTIALS, "bad credentials"));

        UserMessage shown = vm.form().messageProperty().get();
        assertThat(shown.kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(shown.text()).isEqualTo("Wrong username or password.");
        assertThat(shown.hint()).contains("Forgot password");
        assertThat(vm.form().passwordProperty().get()).isEmpty();
        assertThat(vm.form().usernameProperty().get()).isEqualTo("ann");
        assertThat(vm.form().busyProperty().get()).isFalse();
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void anUnreachableServerSaysWhatToCheck() {
        type("ann", "correct horse");
        vm.logIn();

        accounts.sent.last().fail(new SignalingException.Unreachable("refused", null));

        assertThat(vm.form().messageProperty().get().text()).isEqualTo("Can't reach the Duet server.");
        assertThat(vm.form().messageProperty().get().hint()).contains("server address");
    }

    @Test
    void opensWithTheUsernameAndNoticeItWasGiven() {
        UserMessage notice = UserMessage.success("Your password is changed.");
        LoginViewModel after = new LoginViewModel(accounts, navigator, Runnable::run, "ann", notice);

        assertThat(after.form().usernameProperty().get()).isEqualTo("ann");
        assertThat(after.form().messageProperty().get()).isEqualTo(notice);
        assertThat(after.form().rememberProperty().get()).isTrue();
    }

    @Test
    void linksGoToTheirScreens() {
        vm.forgotPassword();
        vm.signUpInstead();
        vm.back();

        assertThat(navigator.visits()).containsExactly("forgotPassword", "signup", "welcome");
    }
}
