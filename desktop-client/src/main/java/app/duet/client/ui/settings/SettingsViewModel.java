package app.duet.client.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.ClientSettings.Theme;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.shell.Navigator;
import app.duet.client.ui.shell.ServerSwitch;

/** Settings: theme, server address, relay-only calls; changes apply and are saved at once. */
public final class SettingsViewModel {
    private final Preferences preferences;
    private final ServerSwitch serverSwitch;
    private final Navigator navigator;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty forceRelay = new SimpleBooleanProperty();
    private final StringProperty serverAddress = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final DeviceSettingsModel devices;

    public SettingsViewModel(Preferences preferences, ServerSwitch serverSwitch, Navigator navigator,
                             DeviceSettingsModel devices) {
        this.preferences = preferences;
        this.serverSwitch = serverSwitch;
        this.navigator = navigator;
        this.devices = devices;
        ClientSettings now = preferences.get();
        theme.set(now.theme());
        forceRelay.set(now.forceRelay());
        serverAddress.set(now.serverUri());
        theme.addListener((obs, old, value) -> preferences.update(s -> s.withTheme(value)));
        forceRelay.addListener((obs, old, value) -> preferences.update(s -> s.withForceRelay(value)));
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

    public void back() {
        devices.stopPreview();
        navigator.back();
    }
}
