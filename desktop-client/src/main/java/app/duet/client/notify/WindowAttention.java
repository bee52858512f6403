package app.duet.client.notify;

import java.awt.Taskbar;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the taskbar to mark Duet as wanting attention without taking the keyboard focus. JavaFX has no API for
 * it. On X11 the window's urgency hint (ICCCM WM_HINTS) is set with {@code xdotool} when it is installed
 * (the .deb does not pull it in; without it nothing happens); on macOS AWT's {@link Taskbar} bounces the Dock icon.
 * Windows flashes the taskbar button of a window that asks for the foreground in the background, which
 * JavaFX's own {@code toFront} does when "Raise the window" is on.
 */
public interface WindowAttention {

    void request();

    void clear();

    WindowAttention NONE = new WindowAttention() {
        @Override
        public void request() {
        }

        @Override
        public void clear() {
        }
    };

    /** The way this platform offers; process starts run on {@code background}. */
    static WindowAttention forPlatform(String osName, boolean x11, Executor background) {
        if (osName.startsWith("Mac") && Taskbar.isTaskbarSupported()
                && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION)) {
            return new WindowAttention() {
                @Override
                public void request() {
                    Taskbar.getTaskbar().requestUserAttention(true, false);
                }

                @Override
                public void clear() {
                    Taskbar.getTaskbar().requestUserAttention(false, false);
                }
            };
        }
        return x11 ? new UrgencyHint(ProcessHandle.current().pid(), background) : NONE;
    }

    /** The X11 urgency hint on every window of this process, through xdotool. */
    final class UrgencyHint implements WindowAttention {
        private static final Logger log = LoggerFactory.getLogger(UrgencyHint.class);
        private final long pid;
        private final Executor background;

        UrgencyHint(long pid, Executor background) {
            this.pid = pid;
            this.background = background;
        }

        @Override
        public void request() {
            set(1);
        }

        @Override
        public void clear() {
            set(0);
        }

        private void set(int urgency) {
            background.execute(() -> {
                List<String> command = List.of("xdotool", "search", "--pid", Long.toString(pid),
                        "set_window", "--urgency", Integer.toString(urgency), "%@");
                try {
                    Process p = new ProcessBuilder(command).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    p.waitFor();
                } catch (IOException e) {
                    log.debug("No urgency hint (xdotool is not installed): {}", e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
