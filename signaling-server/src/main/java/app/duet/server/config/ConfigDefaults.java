package app.duet.server.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line comes from: first the environment variable
 * DUET_&lt;NAME&gt; (e.g. --turn-secret → DUET_TURN_SECRET), then the key &lt;name&gt; in the config file
 * (e.g. {@code turn-secret=...}), then the built-in default.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    public static final String CONFIG_OPTION = "--config";
    public static final String CONFIG_ENV = "DUET_CONFIG";

    private final Map<String, String> env;
    private final Properties file;
    private final Path filePath;

    private ConfigDefaults(Map<String, String> env, Properties file, Path filePath) {
        this.env = env;
        this.file = file;
        this.filePath = filePath;
    }

    /** Finds the config file from --config in the arguments or DUET_CONFIG, and reads it. */
    public static ConfigDefaults load(String[] args, Map<String, String> env) throws IOException {
        Path path = configPath(args, env);
        Properties properties = new Properties();
        if (path != null) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        return new ConfigDefaults(env, properties, path);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String name = option.longestName().substring(2);
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return file.getProperty(name);
    }

    /** Keys of the file that no option knows, to report typos instead of ignoring them. */
    public Set<String> unknownKeys(Set<String> optionNames) {
        Set<String> unknown = new TreeSet<>(file.stringPropertyNames());
        unknown.removeAll(optionNames);
        return unknown;
    }

    public Path filePath() {
        return filePath;
    }

    public static String envName(String optionName) {
        return "DUET_" + optionName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Path configPath(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(CONFIG_OPTION + "=")) {
                return Path.of(args[i].substring(CONFIG_OPTION.length() + 1));
            }
        }
        String fromEnv = env.get(CONFIG_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : Path.of(fromEnv);
    }

    /** The machine's host name, for a node that was given no --node-id; "localhost" when it has none. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
