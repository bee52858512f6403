package app.duet.client.ui.common;

import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import app.duet.client.config.ClientSettings;
import app.duet.client.config.SettingsStore;

/** The current {@link ClientSettings} as a property; every change is saved on a background thread. */
public final class Preferences {
    private static final Logger log = LoggerFactory.getLogger(Preferences.class);

    private final SettingsStore store;
    private final Background background;
    private final ReadOnlyObjectWrapper<ClientSettings> settings;

    public Preferences(SettingsStore store, ClientSettings initial, Background background) {
        this.store = store;
        this.background = background;
        this.settings = new ReadOnlyObjectWrapper<>(initial);
    }

    public ReadOnlyObjectProperty<ClientSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ClientSettings get() {
        return settings.get();
    }

    public void update(UnaryOperator<ClientSettings> change) {
        ClientSettings next = change.apply(settings.get());
        if (next.equals(settings.get())) {
            return;
        }
        settings.set(next);
        background.run(() -> store.save(next))
                .exceptionally(error -> {
                    log.warn("Could not save settings", error);
                    return null;
                });
    }
}
