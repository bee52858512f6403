package app.duet.client.ui.fakes;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.ConfigDir;
import app.duet.client.config.SettingsStore;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;

/** {@link Preferences} saved by {@code worker} into {@code dir}; with a {@link ManualExecutor}, only when it runs. */
public final class TestPreferences {
    private TestPreferences() {
    }

    public static Preferences in(Path dir, ClientSettings initial, Executor worker) {
        return new Preferences(new SettingsStore(new ConfigDir(dir), initial.serverUri()), initial,
                new Background(worker, Runnable::run));
    }
}
