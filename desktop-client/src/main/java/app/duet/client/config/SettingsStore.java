package app.duet.client.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = dir.resolve(FILE);
        ClientSettings defaults = ClientSettings.defaults(defaultServerUri);
        if (!Files.isRegularFile(file)) {
            return defaults;
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
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
            log.warn("Could not read {}; using defaults", file, e);
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
        StringWriter out = new StringWriter();
        p.store(out, "Duet settings");
        dir.writePrivate(FILE, out.toString().getBytes(StandardCharsets.UTF_8));
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
