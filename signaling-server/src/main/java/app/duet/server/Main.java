package app.duet.server;

import app.duet.server.admin.ExitCodes;
import app.duet.server.admin.InviteCommand;
import app.duet.server.admin.PasswordInput;
import app.duet.server.admin.UserCommand;
import app.duet.server.config.ConfigDefaults;
import app.duet.server.config.MailOptions;
import app.duet.server.config.ServerOptions;
import app.duet.server.config.StorageOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar duet-server.jar [options]} runs the server; {@code reset-code}, {@code user} and
 * {@code invite} are admin commands (exit codes in {@link ExitCodes}).
 */
@Command(name = "duet-server", mixinStandardHelpOptions = true, version = "Duet server " + DuetServer.VERSION,
        subcommands = {ResetCodeCommand.class, UserCommand.class, InviteCommand.class}, sortOptions = false,
        description = {"Duet's signaling server. Options can also be set as environment variables DUET_<OPTION> "
                + "(e.g. DUET_TURN_SECRET) or as keys in the --config file (e.g. turn-secret=...); "
                + "flags win over the environment, the environment over the file."})
public final class Main implements Callable<Integer> {
    static {
        // The server's own logging setup, named so it cannot clash with a logback.xml of a program that
        // embeds the server (desktop-client's tests do). Must run before the first logger is created.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "duet-server-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Mixin
    ServerOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DuetServer server = DuetServer.start(options.toConfig());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "duet-shutdown"));
        server.awaitClosed();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, null, null));
    }

    /**
     * Runs a command; {@code out} and {@code err} replace picocli's standard streams when not null. Public for
     * programs that embed the server's admin commands (the client's UI tests disable a user with it).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, null, out, err);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}; passwords are read from {@code in} when not null. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return in != null && type == PasswordInput.class
                        ? type.cast(new PasswordInput(in)) : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setExecutionStrategy(Main::refusePasswordOnCommandLine);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            log.error("{}", e.getMessage(), e instanceof IllegalArgumentException || e instanceof IOException ? null : e);
            return ExitCodes.FAILED;
        });
        try {
            ConfigDefaults defaults = ConfigDefaults.load(args, System.getenv());
            cli.setDefaultValueProvider(defaults);
            Set<String> unknown = defaults.unknownKeys(optionNames(cli));
            if (!unknown.isEmpty()) {
                log.error("unknown settings in {}: {}", defaults.filePath(), unknown);
                return ExitCodes.INVALID_INPUT;
            }
        } catch (IOException e) {
            log.error("cannot read the config file: {}", e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        return cli.execute(args);
    }

    /** The database and SMTP passwords show in {@code ps} to every user of the machine when given as flags. */
    private static int refusePasswordOnCommandLine(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (String option : new String[] {StorageOptions.PASSWORD_OPTION, MailOptions.PASSWORD_OPTION}) {
                if (p.hasMatchedOption(option)) {
                    String name = option.substring(2);
                    throw new ParameterException(p.commandSpec().commandLine(), "Give the " + name.replace('-', ' ')
                            + " in " + ConfigDefaults.envName(name) + " or as " + name + " in the --config file, not on "
                            + "the command line, where other users of this machine can read it.");
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static Set<String> optionNames(CommandLine cli) {
        Set<String> names = new TreeSet<>();
        collect(cli.getCommandSpec(), names);
        return names;
    }

    private static void collect(CommandSpec spec, Set<String> names) {
        for (OptionSpec o : spec.options()) {
            names.add(o.longestName().replaceFirst("^--", ""));
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), names));
    }
}
