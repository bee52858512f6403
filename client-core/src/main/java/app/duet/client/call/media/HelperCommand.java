package app.duet.client.call.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a helper process of this app. Installed by jpackage, the runtime has no
 * {@code java} command, so the app's own launcher is run with the helper's flag (the launcher hands it to
 * {@code DuetLauncher}); run from a JDK, it is {@code java} with our class path.
 */
final class HelperCommand {

    /** Set by jpackage's launcher to its own path. */
    static final String JPACKAGE_APP_PATH = "jpackage.app-path";
    /** A helper needs little heap; a small one and the simplest collector keep its footprint down. */
    private static final List<String> HELPER_JVM_OPTIONS = List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private HelperCommand() {
    }

    static List<String> of(String flag, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        String appPath = System.getProperty(JPACKAGE_APP_PATH);
        if (appPath != null) {
            command.add(appPath);
            command.add(flag);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(HELPER_JVM_OPTIONS);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass.getName());
        }
        command.addAll(args);
        return command;
    }
}
