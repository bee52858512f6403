package app.duet.client.ui.settings;

import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.ClientSettings.Theme;
import app.duet.client.signaling.AccountService;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;

/**
 * Settings: theme, server address, relay-only calls, ring sound; changes apply and are saved at once. Also
 * "log out everywhere", which asks first.
 */
public final class SettingsViewModel {
    private final Preferences preferences;
    private final ServerSwitch serverSwitch;
    private final Navigator navigator;
    private final AccountService accounts;
    private final SessionState session;
    private final Executor ui;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty forceRelay = new SimpleBooleanProperty();
    private final BooleanProperty ringSound = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper confirmingLogoutEverywhere = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty serverAddress = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final DeviceSettingsModel devices;

    public SettingsViewModel(Preferences preferences, ServerSwitch serverSwitch, Navigator navigator,
                             DeviceSettingsModel devices, AccountService accounts, SessionState session, Executor ui) {
        this.ui = ui;
        this.preferences = preferences;
        this.accounts = accounts;
        this.session = session;
        this.serverSwitch = serverSwitch;
        this.navigator = navigator;
        this.devices = devices;
        ClientSettings now = preferences.get();
        theme.set(now.theme());
        forceRelay.set(now.forceRelay());
        ringSound.set(now.ringSound());
        serverAddress.set(now.serverUri());
        theme.addListener((obs, old, value) -> preferences.update(s -> s.withTheme(value)));
        forceRelay.addListener((obs, old, value) -> preferences.update(s -> s.withForceRelay(value)));
        ringSound.addListener((obs, old, value) -> preferences.update(s -> s.withRingSound(value)));
    }

    public BooleanProperty ringSoundProperty() {
        return ringSound;
    }

    /** The account section only makes sense while signed in. */
    public javafx.beans.value.ObservableBooleanValue signedIn() {
        return session.userProperty().isNotNull();
    }

    /** True while "log out everywhere" waits for the person to confirm. */
    public ReadOnlyBooleanProperty confirmingLogoutEverywhereProperty() {
        return confirmingLogoutEverywhere.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void askLogoutEverywhere() {
        confirmingLogoutEverywhere.set(true);
    }

    public void cancelLogoutEverywhere() {
        confirmingLogoutEverywhere.set(false);
    }

    /** Revokes every session of the account, this one included; the login screen says how it went. */
    public void logoutEverywhere() {
        busy.set(true);
        devices.stopPreview();
        accounts.logoutEverywhere().whenCompleteAsync((ok, error) -> {
            busy.set(false);
            confirmingLogoutEverywhere.set(false);
            if (error == null) {
                navigator.login("", UserMessage.success("You are logged out on every device."));
            } else {
                UserMessage why = ErrorMessages.of(error);
                navigator.login("", UserMessage.warning("You are logged out here, but other devices may still be "
                        + "signed in: " + why.text(), "Log in and try \"Log out everywhere\" again."));
            }
        }, ui);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty forceRelayProperty() {
        return forceRelay;
    }

    public StringProperty serverAddressProperty() {
        return serverAddress;
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public DeviceSettingsModel devices() {
        return devices;
    }

    public void applyServer() {
        if (serverAddress.get() != null && serverAddress.get().trim().equals(preferences.get().serverUri())) {
            return;
        }
        var problem = serverSwitch.switchTo(serverAddress.get());
        message.set(problem.orElse(UserMessage.success("Now using the server at " + preferences.get().serverUri() + ".")));
    }

    /** The account screen; back from it returns here. */
    public void account() {
        devices.stopPreview();
        navigator.account();
    }

    public void back() {
        devices.stopPreview();
        navigator.back();
    }
}
