package app.duet.client.instance;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows finds the program for a duet:// link under Software\Classes\duet in the registry. JDK 17's jpackage
 * cannot add registry keys to its MSI short of replacing its whole WiX template (decision 0014), so the
 * installed app registers itself for its user at each start (HKCU, as Electron's setAsDefaultProtocolClient
 * does): "&lt;launcher&gt;" "%1", the launcher being the one jpackage names in {@code jpackage.app-path}.
 */
public final class WindowsLinks {
    private static final Logger log = LoggerFactory.getLogger(WindowsLinks.class);
    private static final String KEY = "HKCU\\Software\\Classes\\duet";

    private WindowsLinks() {
    }

    /** On Windows, in an installed app ({@code launcher} not null), registers the scheme on {@code background}. */
    public static void register(String osName, String launcher, Executor background) {
        if (!osName.startsWith("Windows") || launcher == null) {
            return; // a run from the build (./duet run, tests) leaves the registry alone
        }
        background.execute(() -> commands(launcher).forEach(WindowsLinks::run));
    }

    /** The reg.exe commands that make {@code launcher} the handler of duet:// links for this user. */
    static List<List<String>> commands(String launcher) {
        return List.of(
                List.of("reg", "add", KEY, "/ve", "/d", "URL:Duet invite link", "/f"),
                List.of("reg", "add", KEY, "/v", "URL Protocol", "/d", "", "/f"),
                List.of("reg", "add", KEY + "\\DefaultIcon", "/ve", "/d", "\"" + launcher + "\",0", "/f"),
                List.of("reg", "add", KEY + "\\shell\\open\\command", "/ve", "/d", "\"" + launcher + "\" \"%1\"", "/f"));
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                log.warn("Could not register duet:// links: {} exited with {}", command, p.exitValue());
            }
        } catch (IOException e) {
            log.warn("Could not register duet:// links: {}", command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
