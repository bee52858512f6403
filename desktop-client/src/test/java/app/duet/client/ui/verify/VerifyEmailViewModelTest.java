package app.duet.client.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.FakeVerification;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Result;

class VerifyEmailViewModelTest {
    private final FakeVerification verification = new FakeVerification();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final VerifyEmailViewModel vm = new VerifyEmailViewModel(verification, navigator, Runnable::run,
            new VerifyEmailViewModel.Pending("ann", "correct horse", "ann@exmaple.org", true),
            UserMessage.info("We mailed a code to ann@exmaple.org."));

    @Test
    void theCodeSignsInAndTheChannelsFollow() {
        assertThat(vm.canVerifyProperty().get()).isFalse();
        vm.codeProperty().set(" 30571946 ");

        vm.verify();

        assertThat(verification.sent.only("verify").args()).containsExactly("ann", "30571946", true);
        assertThat(vm.canVerifyProperty().get()).as("busy").isFalse();
        verification.sent.last().succeed(FakeAccounts.auth("ann", "Ann"));
        assertThat(navigator.visits()).containsExactly("channels");
    }

    @Test
    void aWrongCodeIsExplainedAndClearedForTheNextTry() {
        vm.codeProperty().set("12345678");
        vm.verify();
        verification.sent.last().fail(new SignalingException.ServerError(ErrorCode.INVALID_VERIFICATION_CODE,
                "This code is wrong; check the mail and try again."));

        assertThat(vm.messageProperty().get().text()).isEqualTo("That code does not work.");
        assertThat(vm.codeProperty().get()).isEmpty();
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void aNewCodeGoesToTheAddressAsCorrectedAndABadOneIsNotSent() {
        vm.resend();
        assertThat(verification.sent.last().args()).containsExactly("ann", "correct horse");
        verification.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(vm.messageProperty().get().text()).contains("A new code is on its way to ann@exmaple.org.");

        vm.emailProperty().set("not an address");
        vm.resend();
        assertThat(verification.sent.all()).hasSize(1);
        assertThat(vm.messageProperty().get().text()).isEqualTo("That e-mail address doesn't look right.");

        vm.emailProperty().set("ann@example.org");
        vm.resend();
        assertThat(verification.sent.last().args()).containsExactly("ann", "correct horse", "ann@example.org");
    }

    @Test
    void aResendTooSoonSaysSoInTheServersWords() {
        vm.resend();
        verification.sent.last().fail(new SignalingException.ServerError(ErrorCode.RATE_LIMITED,
                "A code was sent a moment ago; check your mail."));

        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.error("A new code was asked for a moment ago.",
                "A code was sent a moment ago; check your mail."));
    }

    @Test
    void onlyTheServersEmailUnverifiedLeadsHere() {
        CompletableFuture<Object> unverified = CompletableFuture.failedFuture(
                new SignalingException.ServerError(ErrorCode.EMAIL_UNVERIFIED, "We mailed a code to a@b.org."));
        assertThat(VerifyEmailViewModel.waitsForCode(unverified)).contains("We mailed a code to a@b.org.");
        assertThat(VerifyEmailViewModel.waitsForCode(CompletableFuture.failedFuture(
                new SignalingException.ServerError(ErrorCode.WRONG_CREDENTIALS, "Wrong.")))).isEmpty();
        assertThat(VerifyEmailViewModel.waitsForCode(CompletableFuture.completedFuture(null))).isEmpty();
    }

    @Test
    void backGoesToLogInWithTheUsername() {
        vm.back();
        assertThat(navigator.visits()).containsExactly("login as ann");
    }
}
