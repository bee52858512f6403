package app.duet.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.DesktopSettings.CloseAction;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.fakes.ManualExecutor;
import app.duet.client.ui.fakes.TestPreferences;

class DesktopSettingsModelTest {
    @TempDir
    Path config;
    private final ManualExecutor worker = new ManualExecutor();
    private final FakeLogin login = new FakeLogin();

    private Preferences preferences() {
        return TestPreferences.in(config, ClientSettings.defaults("ws://duet.example:8686"), worker);
    }

    @Test
    void eachChoiceIsSavedAndDoNotDisturbFollowsTheTrayMenu() {
        Preferences preferences = preferences();
        DesktopSettingsModel model = new DesktopSettingsModel(preferences, login, new Background(worker, Runnable::run));

        model.raiseOnRingProperty().set(true);
        model.closeToTrayProperty().set(true);
        assertThat(preferences.get().desktop().raiseOnRing()).isTrue();
        assertThat(preferences.get().desktop().onClose()).isEqualTo(CloseAction.TRAY);
        model.closeToTrayProperty().set(false);
        assertThat(preferences.get().desktop().onClose()).isEqualTo(CloseAction.QUIT);

        preferences.update(s -> s.withDesktop(s.desktop().withDoNotDisturb(true))); // as the tray menu does
        assertThat(model.doNotDisturbProperty().get()).isTrue();
    }

    @Test
    void startAtLoginIsReadAndWrittenOffTheUiThreadAndAFailureIsSaid() {
        login.enabled = true;
        DesktopSettingsModel model = new DesktopSettingsModel(preferences(), login, new Background(worker, Runnable::run));
        assertThat(model.startAtLoginProperty().get()).as("not read yet: that is the worker's job").isFalse();
        worker.runAll();
        assertThat(model.startAtLoginProperty().get()).isTrue();
        assertThat(model.startAtLoginAvailableProperty().get()).isTrue();

        model.startAtLoginProperty().set(false);
        assertThat(login.enabled).as("written by the worker").isTrue();
        worker.runAll();
        assertThat(login.enabled).isFalse();

        login.failure = new IOException("disk full");
        model.startAtLoginProperty().set(true);
        worker.runAll();
        assertThat(model.startAtLoginProperty().get()).as("back to what the file says").isFalse();
        assertThat(model.startAtLoginProblemProperty().get()).isEqualTo("Could not change start at login: disk full");
    }

    private static final class FakeLogin implements StartAtLogin {
        boolean enabled;
        IOException failure;

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public void set(boolean on) throws IOException {
            if (failure != null) {
                throw failure;
            }
            enabled = on;
        }
    }
}
