package app.duet.client.headless;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;

import picocli.CommandLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the headless client:
 * {@code java -cp duet-client.jar app.duet.client.headless.HeadlessMain --server ws://... --user ... ...}.
 * JSON lines go to stdout (or --json-out), logs to stderr. A successful run ends by returning from main, so
 * the JVM exits only if every native thread is gone; a watchdog turns a leak into exit code 13.
 */
public final class HeadlessMain {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessMain.class);

    private HeadlessMain() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != ExitCode.OK.code()) {
            System.exit(code);
        }
        ExitWatchdog.start();
    }

    /** Runs the client and returns the exit code (for tests and launchers that wrap it). */
    public static int run(String[] args) {
        HeadlessOptions options = new HeadlessOptions();
        CommandLine cli = new CommandLine(options);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
        } catch (CommandLine.ParameterException e) {
            return usage(cli, e.getMessage());
        }
        String envPassword = System.getenv("DUET_PASSWORD");
        String problem = options.problem(envPassword);
        if (problem != null) {
            return usage(cli, problem);
        }
        try (OutputStream stream = output(options); JsonLines out = new JsonLines(stream, Clock.systemUTC())) {
            HeadlessClient client = new HeadlessClient(options, options.passwordOr(envPassword), out);
            Thread hook = new Thread(client::stop, "duet-headless-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            ExitCode code = client.run();
            removeHook(hook);
            return code.code();
        } catch (IOException e) {
            LOG.error("Could not open the JSON-lines output {}", options.jsonOut, e);
            return ExitCode.ERROR.code();
        }
    }

    private static int usage(CommandLine cli, String message) {
        cli.getErr().println(message);
        cli.usage(cli.getErr());
        return ExitCode.USAGE.code();
    }

    /**
     * The JSON lines are this program's output, so they go to the process's standard output descriptor
     * directly (not through System.out, which the rest of the code base never uses), or to --json-out.
     */
    private static OutputStream output(HeadlessOptions options) throws IOException {
        if (options.jsonOut != null) {
            return Files.newOutputStream(options.jsonOut);
        }
        return new FileOutputStream(FileDescriptor.out) {
            @Override
            public void close() throws IOException {
                flush(); // stdout stays open for whatever the JVM writes at exit
            }
        };
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("Already shutting down; the hook stays", e);
        }
    }
}
