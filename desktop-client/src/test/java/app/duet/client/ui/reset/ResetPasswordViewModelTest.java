package app.duet.client.ui.reset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.client.ui.reset.ResetPasswordViewModel.Step;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Result;

class ResetPasswordViewModelTest {
    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final ResetPasswordViewModel vm = new ResetPasswordViewModel(accounts, navigator, Runnable::run);

    private void codeRequestedFor(String login) {
        vm.loginProperty().set(login);
        vm.requestCode();
        accounts.sent.last().succeed(Result.Empty.INSTANCE);
    }

    @Test
    void asksForACodeThenShowsTheSecondStepWithTheUsernameFilledIn() {
        vm.loginProperty().set(" Ann ");

        vm.requestCode();

        assertThat(accounts.sent.only("requestPasswordReset").args()).containsExactly("Ann");
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canRequestProperty().get()).isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REQUEST_CODE);

        accounts.sent.last().succeed(Result.Empty.INSTANCE);

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.ENTER_CODE);
        assertThat(vm.usernameProperty().get()).isEqualTo("ann");
        assertThat(vm.messageProperty().get().kind()).isEqualTo(UserMessage.Kind.INFO);
        assertThat(vm.messageProperty().get().text()).contains("reset code is on its way");
    }

    @Test
    void anEmailAddressDoesNotFillInTheUsername() {
        codeRequestedFor("ann@example.org");

        assertThat(vm.stepProperty().get()).isEqualTo(Step.ENTER_CODE);
        assertThat(vm.usernameProperty().get()).isEmpty();
    }

    @Test
    void aFailedRequestStaysOnTheFirstStepAndSaysWhy() {
        vm.loginProperty().set("ann");
        vm.requestCode();

        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.RATE_LIMITED, "slow down"));

        assertThat(vm.stepProperty().get()).isEqualTo(Step.REQUEST_CODE);
        assertThat(vm.messageProperty().get())
                .isEqualTo(UserMessage.error("You are doing that too fast.", "Wait a moment and try again."));
    }

    @Test
    void needsALoginToRequestAndAllThreeFieldsToConfirm() {
        vm.requestCode();
        vm.confirm();
        assertThat(accounts.sent.names()).isEmpty();

        codeRequestedFor("ann");
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.codeProperty().set("123456");
        assertThat(vm.canConfirmProperty().get()).isFalse();
        vm.newPasswordProperty().set("a new password");
        assertThat(vm.canConfirmProperty().get()).isTrue();
    }

    @Test
    void aShortNewPasswordIsExplainedWithoutAskingTheServer() {
        codeRequestedFor("ann");
        vm.codeProperty().set("123456");
        vm.newPasswordProperty().set("short");

        vm.confirm();

        assertThat(vm.messageProperty().get())
                .isEqualTo(UserMessage.error("That password is too short.", "Use at least 8 characters."));
        assertThat(accounts.sent.names()).containsExactly("requestPasswordReset");
    }

    @Test
    void aConfirmedResetOpensTheLoginWithTheUsernameAndASuccessNotice() {
        codeRequestedFor("ann");
        vm.usernameProperty().set(" Ann ");
        vm.codeProperty().set(" 123456 ");
        vm.newPasswordProperty().set("a new password");

        vm.confirm();

        assertThat(accounts.sent.last().args()).containsExactly("ann", "123456", "a new password");
        assertThat(navigator.visits()).isEmpty();
        accounts.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(navigator.visits()).containsExactly("login as ann");
        assertThat(navigator.notice())
                .isEqualTo(UserMessage.success("Your password is changed. Log in with the new one."));
    }

    @Test
    void aWrongCodeSaysToCheckTheMailOrAskAgain() {
        codeRequestedFor("ann");
        vm.codeProperty().set("000000");
        vm.newPasswordProperty().set("a new password");
        vm.confirm();

        accounts.sent.last().fail(new SignalingException.ServerError(ErrorCode.INVALID_RESET_CODE, "bad code"));

        assertThat(vm.messageProperty().get().text()).isEqualTo("That reset code is wrong or has expired.");
        assertThat(vm.messageProperty().get().hint()).contains("request a new one");
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void startOverGoesBackToTheFirstStepAndBackToTheLogin() {
        codeRequestedFor("ann");

        vm.startOver();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.REQUEST_CODE);
        assertThat(vm.messageProperty().get()).isNull();

        vm.back();
        assertThat(navigator.visits()).containsExactly("login");
    }
}
