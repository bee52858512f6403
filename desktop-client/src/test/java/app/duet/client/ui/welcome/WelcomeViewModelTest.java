package app.duet.client.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ClientSettings;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.ManualExecutor;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.client.ui.fakes.TestPreferences;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;

class WelcomeViewModelTest {
    private static final String SERVER = "ws://duet.example:8686";

    @TempDir
    Path config;
    private final FakeConnection connection = new FakeConnection(SERVER);
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final SessionState session = new SessionState(connection, Runnable::run);
    private Preferences preferences;
    private WelcomeViewModel vm;

    @BeforeEach
    void open() {
        preferences = TestPreferences.in(config, ClientSettings.defaults(SERVER), new ManualExecutor());
        vm = new WelcomeViewModel(navigator, session, new ServerSwitch(connection, preferences, session), null);
    }

    @Test
    void showsTheServerAndHowTheConnectionIsDoing() {
        assertThat(vm.serverAddressProperty().get()).isEqualTo(SERVER);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Connecting…");

        connection.becomes(ConnectionState.CONNECTED);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Connected");
        connection.becomes(ConnectionState.OFFLINE);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Not reachable — Duet keeps trying");
        connection.becomes(ConnectionState.REFUSED);
        assertThat(vm.connectionTextProperty().get()).isEqualTo("Too many connections from your network");
        assertThat(vm.connectionProperty().get()).isEqualTo(ConnectionState.REFUSED);
    }

    @Test
    void showsTheNoticeItWasOpenedWith() {
        UserMessage notice = UserMessage.info("Signing you in…");

        WelcomeViewModel withNotice = new WelcomeViewModel(navigator, session,
                new ServerSwitch(connection, preferences, session), notice);

        assertThat(withNotice.messageProperty().get()).isEqualTo(notice);
    }

    @Test
    void anUnchangedAddressGoesStraightOn() {
        vm.serverAddressProperty().set(" " + SERVER + " ");

        vm.signUp();
        vm.logIn();

        assertThat(navigator.visits()).containsExactly("signup", "login");
        assertThat(connection.serverUri().toString()).isEqualTo(SERVER);
    }

    @Test
    void aHostNameSwitchesToItsWssServerAndIsRemembered() {
        vm.serverAddressProperty().set("other.example:9000");

        vm.logIn();

        assertThat(connection.serverUri().toString()).isEqualTo("wss://other.example:9000");
        assertThat(preferences.get().serverUri()).isEqualTo("wss://other.example:9000");
        assertThat(vm.serverAddressProperty().get()).isEqualTo("other.example:9000");
        assertThat(vm.messageProperty().get()).isNull();
        assertThat(vm.unencryptedHostProperty().get()).isNull();
        assertThat(navigator.visits()).containsExactly("login");
    }

    @Test
    void aPlainAddressOfAnotherComputerIsAskedAboutBeforeAnythingIsSent() {
        vm.serverAddressProperty().set("ws://other.example:9000");

        vm.signUp();

        assertThat(vm.unencryptedHostProperty().get()).isEqualTo("other.example");
        assertThat(connection.serverUri().toString()).isEqualTo(SERVER);
        assertThat(navigator.visits()).isEmpty();

        vm.connectUnencrypted();

        assertThat(vm.unencryptedHostProperty().get()).isNull();
        assertThat(connection.serverUri().toString()).isEqualTo("ws://other.example:9000");
        assertThat(navigator.visits()).containsExactly("signup");
    }

    @Test
    void cancellingThePlainAddressKeepsTheServerInUse() {
        vm.serverAddressProperty().set("ws://other.example:9000");
        vm.logIn();

        vm.keepEncrypted();

        assertThat(vm.unencryptedHostProperty().get()).isNull();
        assertThat(vm.serverAddressProperty().get()).isEqualTo(SERVER);
        assertThat(connection.serverUri().toString()).isEqualTo(SERVER);
        assertThat(preferences.get().serverUri()).isEqualTo(SERVER);
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void plainToThisComputerIsNotAskedAbout() {
        vm.serverAddressProperty().set("127.0.0.1:9000");

        vm.logIn();

        assertThat(vm.unencryptedHostProperty().get()).isNull();
        assertThat(connection.serverUri().toString()).isEqualTo("ws://127.0.0.1:9000");
        assertThat(navigator.visits()).containsExactly("login");
    }

    @Test
    void aWrongAddressIsExplainedAndGoesNowhere() {
        vm.serverAddressProperty().set("http://other.example");

        vm.signUp();

        UserMessage shown = vm.messageProperty().get();
        assertThat(shown.text()).isEqualTo("\"http://other.example\" is not a server address.");
        assertThat(shown.hint()).startsWith("Type the server's name");
        assertThat(connection.serverUri().toString()).isEqualTo(SERVER);
        assertThat(preferences.get().serverUri()).isEqualTo(SERVER);
        assertThat(navigator.visits()).isEmpty();
    }

    @Test
    void settingsOpensSettings() {
        vm.settings();

        assertThat(navigator.visits()).containsExactly("settings");
    }
}
