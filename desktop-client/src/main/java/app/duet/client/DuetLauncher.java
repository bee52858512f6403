package app.duet.client;

import java.util.Arrays;

import app.duet.client.call.media.CameraHelper;
import app.duet.client.graphics.PrismPipeline;
import app.duet.client.graphics.RenderingMode;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * The jar's main class. It does not extend {@link Application}, so the JavaFX runtime can be loaded from
 * the class path of a plain (shaded) jar; it checks the flags, then hands over to {@link App}.
 */
public final class DuetLauncher {
    private DuetLauncher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(CameraHelper.FLAG)) { // a helper process of ours, see HelperCommand
            CameraHelper.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        ClientOptions options = new ClientOptions();
        CommandLine cli = new CommandLine(options);
        RenderingMode rendering = RenderingMode.AUTO;
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.executeHelpRequest(parsed) != null) {
                return;
            }
            rendering = options.rendering(System.getenv());
        } catch (CommandLine.ParameterException e) {
            cli.getErr().println(e.getMessage());
            cli.usage(cli.getErr());
            System.exit(2);
        } catch (IllegalArgumentException e) { // DUET_RENDERING
            cli.getErr().println("DUET_RENDERING: " + e.getMessage());
            System.exit(2);
        }
        if (Instances.handedOver(options, System.getenv())) {
            return; // the running Duet shows its window (and opens the link); JavaFX never starts here
        }
        PrismPipeline.beforeToolkit(rendering, options.configDir(System.getenv(), System.getProperty("user.home")));
        Application.launch(App.class, args);
        // JavaFX has exited (Quit, or the window closed). The tray icon started AWT, whose event thread may
        // outlive it; nothing is left to do, so end the process rather than wait for AWT's auto-shutdown.
        System.exit(0);
    }
}
