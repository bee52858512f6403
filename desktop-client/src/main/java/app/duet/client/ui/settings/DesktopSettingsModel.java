package app.duet.client.ui.settings;

import java.util.function.UnaryOperator;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.DesktopSettings;
import app.duet.client.config.DesktopSettings.CloseAction;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;

/**
 * Settings' "Incoming calls" and "Background" part: do not disturb (also in the tray menu, so it follows the
 * saved setting), raising the window on a ring, closing to the tray, and start at login (a file written off
 * the FX thread; a failure is said under the box, which goes back).
 */
public final class DesktopSettingsModel {
    private final Preferences preferences;
    private final StartAtLogin login;
    private final Background background;
    private final BooleanProperty doNotDisturb = new SimpleBooleanProperty();
    private final BooleanProperty raiseOnRing = new SimpleBooleanProperty();
    private final BooleanProperty closeToTray = new SimpleBooleanProperty();
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper startAtLoginAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper startAtLoginProblem = new ReadOnlyStringWrapper("");
    private boolean settingFromFile;
    private final ChangeListener<ClientSettings> followSaved =
            (obs, old, saved) -> doNotDisturb.set(saved.desktop().doNotDisturb());

    public DesktopSettingsModel(Preferences preferences, StartAtLogin login, Background background) {
        this.preferences = preferences;
        this.login = login;
        this.background = background;
        DesktopSettings now = preferences.get().desktop();
        doNotDisturb.set(now.doNotDisturb());
        raiseOnRing.set(now.raiseOnRing());
        closeToTray.set(now.onClose() == CloseAction.TRAY);
        doNotDisturb.addListener((obs, old, on) -> update(d -> d.withDoNotDisturb(on)));
        raiseOnRing.addListener((obs, old, on) -> update(d -> d.withRaiseOnRing(on)));
        closeToTray.addListener((obs, old, on) -> update(d -> d.withOnClose(on ? CloseAction.TRAY : CloseAction.QUIT)));
        // Weak: the preferences outlive this screen, which must not be kept alive by them.
        preferences.settingsProperty().addListener(new WeakChangeListener<>(followSaved));
        startAtLogin.addListener((obs, old, on) -> {
            if (!settingFromFile) {
                saveStartAtLogin(on);
            }
        });
        background.supply(() -> login.available() && login.enabled()).thenAccept(enabled -> {
            startAtLoginAvailable.set(login.available());
            fromFile(enabled);
        });
    }

    public BooleanProperty doNotDisturbProperty() {
        return doNotDisturb;
    }

    public BooleanProperty raiseOnRingProperty() {
        return raiseOnRing;
    }

    public BooleanProperty closeToTrayProperty() {
        return closeToTray;
    }

    public BooleanProperty startAtLoginProperty() {
        return startAtLogin;
    }

    public ReadOnlyBooleanProperty startAtLoginAvailableProperty() {
        return startAtLoginAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startAtLoginProblemProperty() {
        return startAtLoginProblem.getReadOnlyProperty();
    }

    private void update(UnaryOperator<DesktopSettings> change) {
        preferences.update(s -> s.withDesktop(change.apply(s.desktop())));
    }

    private void saveStartAtLogin(boolean on) {
        startAtLoginProblem.set("");
        background.run(() -> login.set(on)).whenComplete((ok, error) -> {
            if (error != null) {
                startAtLoginProblem.set("Could not change start at login: " + Background.cause(error).getMessage());
                fromFile(!on);
            }
        });
    }

    private void fromFile(boolean enabled) {
        settingFromFile = true;
        startAtLogin.set(enabled);
        settingFromFile = false;
    }
}
