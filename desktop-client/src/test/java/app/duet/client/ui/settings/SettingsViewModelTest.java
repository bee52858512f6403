package app.duet.client.ui.settings;

import static app.duet.client.ui.settings.FakeDeviceAccess.microphone;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.ClientSettings.Theme;
import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.ManualExecutor;
import app.duet.client.ui.fakes.ManualTicker;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.client.ui.fakes.TestPreferences;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;

class SettingsViewModelTest {
    private static final String SERVER = "ws://duet.example:8686";

    @TempDir
    Path config;
    private final FakeConnection connection = new FakeConnection(SERVER);
    private final SessionState session = new SessionState(connection, Runnable::run);
    private final FakeAccounts accounts = new FakeAccounts();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final FakeDeviceAccess access = new FakeDeviceAccess();
    private final ManualExecutor worker = new ManualExecutor();
    private final ManualTicker frames = new ManualTicker();
    private Preferences preferences;
    private SettingsViewModel vm;

    @BeforeEach
    void open() {
        preferences = TestPreferences.in(config, ClientSettings.defaults(SERVER), worker);
        DeviceSettingsModel devices = new DeviceSettingsModel(access, new Background(worker, Runnable::run),
                preferences, frames);
        vm = new SettingsViewModel(preferences, new ServerSwitch(connection, preferences, session), navigator,
                devices, accounts, session, Runnable::run);
    }

    private void previewRunning() {
        access.microphones = List.of(microphone("mic-1", true));
        vm.devices().load();
        worker.runAll();
        assertThat(frames.running()).isEqualTo(1);
    }

    @Test
    void showsTheSavedChoicesAndSavesEveryChangeAtOnce() {
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(vm.forceRelayProperty().get()).isFalse();
        assertThat(vm.ringSoundProperty().get()).isTrue();
        assertThat(vm.serverAddressProperty().get()).isEqualTo(SERVER);

        vm.themeProperty().set(Theme.DARK);
        vm.forceRelayProperty().set(true);
        vm.ringSoundProperty().set(false);

        assertThat(preferences.get()).isEqualTo(ClientSettings.defaults(SERVER)
                .withTheme(Theme.DARK).withForceRelay(true).withRingSound(false));
    }

    @Test
    void theAccountSectionFollowsTheSignIn() {
        assertThat(vm.signedIn().get()).isFalse();

        connection.fire(l -> l.onSignedIn(FakeAccounts.auth("ann", "Ann"), false));

        assertThat(vm.signedIn().get()).isTrue();
    }

    @Test
    void logOutEverywhereAsksFirst() {
        vm.askLogoutEverywhere();
        assertThat(vm.confirmingLogoutEverywhereProperty().get()).isTrue();

        vm.cancelLogoutEverywhere();

        assertThat(vm.confirmingLogoutEverywhereProperty().get()).isFalse();
        assertThat(accounts.sent.names()).isEmpty();
    }

    @Test
    void loggingOutEverywhereStopsThePreviewAndOpensTheLoginWithTheOutcome() {
        previewRunning();
        vm.askLogoutEverywhere();

        vm.logoutEverywhere();

        assertThat(accounts.sent.only("logoutEverywhere")).isNotNull();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(frames.running()).isZero();
        assertThat(navigator.visits()).isEmpty();

        accounts.sent.last().succeed(null);

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.confirmingLogoutEverywhereProperty().get()).isFalse();
        assertThat(navigator.visits()).containsExactly("login");
        assertThat(navigator.notice()).isEqualTo(UserMessage.success("You are logged out on every device."));
    }

    @Test
    void aFailedLogOutEverywhereWarnsThatOtherDevicesMayStillBeSignedIn() {
        vm.askLogoutEverywhere();
        vm.logoutEverywhere();

        accounts.sent.last().fail(new SignalingException.ConnectionLost("dropped"));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(navigator.visits()).containsExactly("login");
        assertThat(navigator.notice()).isEqualTo(UserMessage.warning("You are logged out here, but other devices may "
                + "still be signed in: The connection to the server dropped before it answered.",
                "Log in and try \"Log out everywhere\" again."));
    }

    @Test
    void aNewServerAddressIsUsedAndConfirmed() {
        vm.serverAddressProperty().set("other.example:9000");

        vm.applyServer();

        assertThat(connection.serverUri().toString()).isEqualTo("wss://other.example:9000");
        assertThat(session.serverAddressProperty().get()).isEqualTo("wss://other.example:9000");
        assertThat(vm.messageProperty().get())
                .isEqualTo(UserMessage.success("Now using the server at wss://other.example:9000."));
    }

    @Test
    void anUnchangedAddressChangesNothingAndAWrongOneIsExplained() {
        vm.serverAddressProperty().set(SERVER + "  ");
        vm.applyServer();
        assertThat(vm.messageProperty().get()).isNull();

        vm.serverAddressProperty().set("ftp://other.example");
        vm.applyServer();

        assertThat(vm.messageProperty().get().kind()).isEqualTo(UserMessage.Kind.ERROR);
        assertThat(vm.messageProperty().get().text()).isEqualTo("\"ftp://other.example\" is not a server address.");
        assertThat(connection.serverUri().toString()).isEqualTo(SERVER);
    }

    @Test
    void backStopsThePreviewAndReturns() {
        previewRunning();

        vm.back();

        assertThat(frames.running()).isZero();
        assertThat(navigator.visits()).containsExactly("back");
    }
}
