package app.duet.client.config;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link ClientSettings} as settings.properties in the config directory. */
public final class SettingsStore {
    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    static final String FILE = "settings.properties";

    private final ConfigDir dir;
    private final String defaultServerUri;

    public SettingsStore(ConfigDir dir, String defaultServerUri) {
        this.dir = dir;
        this.defaultServerUri = defaultServerUri;
    }

    /** The saved settings, or the defaults when none are saved or the file cannot be read. */
    public ClientSettings load() {
        ClientSettings defaults = ClientSettings.defaults(defaultServerUri);
        try {
            Optional<Properties> read = dir.readProperties(FILE);
            if (read.isEmpty()) {
                return defaults;
            }
            Properties p = read.get();
            return new ClientSettings(
                    p.getProperty("server", defaults.serverUri()),
                    parseTheme(p.getProperty("theme")),
                    Boolean.parseBoolean(p.getProperty("forceRelay", "false")),
                    Boolean.parseBoolean(p.getProperty("ringSound", "true")),
                    p.getProperty("camera", ""),
                    p.getProperty("microphone", ""),
                    p.getProperty("speaker", ""),
                    new DesktopSettings(Boolean.parseBoolean(p.getProperty("doNotDisturb", "false")),
                            parseCloseAction(p.getProperty("onClose")),
                            Boolean.parseBoolean(p.getProperty("raiseOnRing", "false"))));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not read {}; using defaults", dir.resolve(FILE), e);
            return defaults;
        }
    }

    public void save(ClientSettings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("server", settings.serverUri());
        p.setProperty("theme", settings.theme().name());
        p.setProperty("forceRelay", Boolean.toString(settings.forceRelay()));
        p.setProperty("ringSound", Boolean.toString(settings.ringSound()));
        p.setProperty("camera", settings.camera());
        p.setProperty("microphone", settings.microphone());
        p.setProperty("speaker", settings.speaker());
        p.setProperty("doNotDisturb", Boolean.toString(settings.desktop().doNotDisturb()));
        p.setProperty("onClose", settings.desktop().onClose().name());
        p.setProperty("raiseOnRing", Boolean.toString(settings.desktop().raiseOnRing()));
        dir.writeProperties(FILE, p, "Duet settings");
    }

    private static DesktopSettings.CloseAction parseCloseAction(String value) {
        for (DesktopSettings.CloseAction action : DesktopSettings.CloseAction.values()) {
            if (action.name().equals(value)) {
                return action;
            }
        }
        return DesktopSettings.CloseAction.ASK;
    }

    private static ClientSettings.Theme parseTheme(String value) {
        return "DARK".equals(value) ? ClientSettings.Theme.DARK : ClientSettings.Theme.LIGHT;
    }
}
