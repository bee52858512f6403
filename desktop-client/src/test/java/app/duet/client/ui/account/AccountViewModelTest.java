package app.duet.client.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.FakeProfile;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.AccountData;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.UserInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account screen's rules, without a screen or a server: fakes answer, everything runs on this thread. */
class AccountViewModelTest {
    private final FakeProfile profile = new FakeProfile();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final FakeConnection connection = new FakeConnection("ws://localhost:8686/");
    private final AccountViewModel vm;

    AccountViewModelTest() {
        connection.signedInAlready(new UserInfo("ann", "Ann Smith"));
        vm = new AccountViewModel(profile, new SessionState(connection, Runnable::run), navigator,
                new Background(Runnable::run, Runnable::run));
    }

    @Test
    void aNewDisplayNameIsCheckedThenSent() {
        assertThat(vm.displayNameProperty().get()).isEqualTo("Ann Smith");
        vm.displayNameProperty().set("   ");
        vm.saveDisplayName();
        assertThat(profile.sent.all()).isEmpty();
        assertThat(vm.messageProperty().get().text()).isEqualTo("That display name can't be used.");

        vm.displayNameProperty().set(" Ann Lee ");
        vm.saveDisplayName();
        profile.sent.only("changeDisplayName").succeed(new UserInfo("ann", "Ann Lee"));

        assertThat(profile.sent.only("changeDisplayName").args()).containsExactly("Ann Lee");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.success("Others now see you as \"Ann Lee\"."));
    }

    @Test
    void aWrongCurrentPasswordIsExplainedAsSuchAndCleared() {
        vm.currentPasswordProperty().set("not mine");
        vm.newPasswordProperty().set("a new password");
        vm.confirmPasswordProperty().set("a new pasword");
        vm.changePassword();
        assertThat(vm.messageProperty().get().text()).isEqualTo("The two passwords differ.");

        vm.confirmPasswordProperty().set("a new password");
        vm.changePassword();
        profile.sent.only("changePassword").fail(new SignalingException.ServerError(ErrorCode.WRONG_CREDENTIALS, "x"));

        assertThat(vm.messageProperty().get().text()).isEqualTo("That is not your current password.");
        assertThat(vm.currentPasswordProperty().get()).isEmpty();
        assertThat(vm.canChangePasswordProperty().get()).isFalse();
    }

    @Test
    void deletingAsksForThePasswordAndEndsOnTheWelcomeScreen() {
        vm.askDelete();
        assertThat(vm.confirmingDeleteProperty().get()).isTrue();
        assertThat(vm.canDeleteProperty().get()).isFalse();
        vm.deleteAccount();
        assertThat(profile.sent.all()).isEmpty();

        vm.deletePasswordProperty().set("correct horse");
        vm.deleteAccount();
        profile.sent.only("deleteAccount").succeed(null);

        assertThat(profile.sent.only("deleteAccount").args()).containsExactly("correct horse");
        assertThat(navigator.visits()).containsExactly("welcome");
        assertThat(navigator.notice().text()).startsWith("Your account is deleted.");
    }

    @Test
    void cancellingTheDeletionForgetsThePassword() {
        vm.askDelete();
        vm.deletePasswordProperty().set("correct horse");
        vm.cancelDelete();

        assertThat(vm.confirmingDeleteProperty().get()).isFalse();
        assertThat(vm.deletePasswordProperty().get()).isEmpty();
        assertThat(profile.sent.all()).isEmpty();
    }

    @Test
    void theExportIsSavedAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(vm.exportFileName());
        vm.exportTo(file);
        profile.sent.only("exportAccount").succeed(new AccountData(1L,
                new AccountData.Profile("ann", "Ann Smith", "ann@example.org", 1L), List.of(), List.of(), List.of(), false));

        assertThat(file.getFileName().toString()).isEqualTo("duet-ann.json");
        assertThat(Files.readString(file)).contains("\"username\": \"ann\"").contains("\"moreCalls\": false");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.success("Your data is saved in " + file + "."));
    }
}
