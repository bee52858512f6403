package app.duet.client.instance;

import java.awt.Desktop;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * macOS hands a clicked duet:// link to the running app as an "open URL" event, not as an argument (the
 * Info.plist's CFBundleURLTypes registers the scheme). AWT receives it; the link goes on to the FX thread.
 * AWT starts on {@code background}, never on the FX thread.
 */
public final class MacLinks {
    private MacLinks() {
    }

    public static void install(Consumer<String> open, Executor background) {
        if (!System.getProperty("os.name", "").startsWith("Mac")) {
            return;
        }
        background.execute(() -> {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.APP_OPEN_URI)) {
                Desktop.getDesktop().setOpenURIHandler(event -> {
                    String link = event.getURI().toString();
                    Platform.runLater(() -> open.accept(link));
                });
            }
        });
    }
}
