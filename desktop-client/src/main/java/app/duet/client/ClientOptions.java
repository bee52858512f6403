package app.duet.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import app.duet.client.config.ConfigDir;
import app.duet.client.graphics.RenderingMode;

/** Command-line flags of the desktop client. */
@Command(name = "duet-client", mixinStandardHelpOptions = true, version = "Duet 0.1.0",
        description = "Duet: private, fast 1:1 calls on the desktop.")
public final class ClientOptions {

    @Option(names = "--server", paramLabel = "URI",
            description = "Signaling server, e.g. ws://127.0.0.1:8686 (default: the one saved in Settings, "
                    + "else ws://127.0.0.1:8686). Env: DUET_SERVER.")
    String server;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where settings and the remembered session live (default: $XDG_CONFIG_HOME/duet or "
                    + "~/.config/duet). Use another one to run a second client on the same computer.")
    Path configDir;

    @Option(names = "--hidden",
            description = "Start in the tray without showing the window (start at login uses it). Without a tray "
                    + "the window is shown anyway.")
    boolean hidden;

    @Option(names = "--rendering", paramLabel = "MODE", converter = RenderingModeConverter.class,
            description = "How the window is drawn: auto (default: JavaFX's choice, but a computer found without a "
                    + "usable GPU starts in software, trying the GPU again every 10th start and after an update), "
                    + "software, or hardware (JavaFX's choice at every start). Env: DUET_RENDERING.")
    RenderingMode rendering;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LINK",
            description = "An invite link to open (duet://server/join/channel?invite=…); the desktop passes it when "
                    + "a link is clicked. A Duet already running for this config dir opens it instead.")
    String link;

    public ClientOptions() {
    }

    public ClientOptions(String server, Path configDir) {
        this.server = server;
        this.configDir = configDir;
    }

    /** The invite link given on the command line, if any. */
    public Optional<String> link() {
        return Optional.ofNullable(link).filter(l -> !l.isBlank());
    }

    public boolean hidden() {
        return hidden;
    }

    /** The server from the flag, else the DUET_SERVER environment variable. */
    public Optional<String> server(Map<String, String> env) {
        if (server != null && !server.isBlank()) {
            return Optional.of(server);
        }
        return Optional.ofNullable(env.get("DUET_SERVER")).filter(s -> !s.isBlank());
    }

    /** The mode from the flag, else the DUET_RENDERING environment variable, else auto. */
    public RenderingMode rendering(Map<String, String> env) {
        if (rendering != null) {
            return rendering;
        }
        String fromEnv = env.get("DUET_RENDERING");
        return fromEnv == null || fromEnv.isBlank() ? RenderingMode.AUTO : RenderingMode.parse(fromEnv);
    }

    public ConfigDir configDir(Map<String, String> env, String userHome) {
        return configDir != null ? new ConfigDir(configDir) : ConfigDir.defaultFor(env, userHome);
    }

    /** Accepts the modes in any case, with the mode's own message for anything else. */
    static final class RenderingModeConverter implements ITypeConverter<RenderingMode> {
        @Override
        public RenderingMode convert(String value) {
            return RenderingMode.parse(value);
        }
    }
}
