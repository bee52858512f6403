package app.duet.client.notify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Picks what this platform offers for incoming-call notifications and the taskbar's attention. */
public final class DesktopAlerts {

    private DesktopAlerts() {
    }

    /**
     * Linux (and other freedesktop desktops): the Notifications service on the session bus named by
     * DBUS_SESSION_BUS_ADDRESS in {@code env}. Windows and macOS: {@code elsewhere} (the tray icon's message).
     */
    public static CallNotifier notifier(Map<String, String> env, Executor ui, CallNotifier elsewhere) {
        if (!isFreedesktop()) {
            return elsewhere;
        }
        return new DbusCallNotifier(Optional.ofNullable(env.get("DBUS_SESSION_BUS_ADDRESS")).filter(a -> !a.isBlank()),
                ui);
    }

    public static WindowAttention attention(Map<String, String> env, Executor background) {
        return WindowAttention.forPlatform(System.getProperty("os.name", ""), isFreedesktop() && env.containsKey("DISPLAY"),
                background);
    }

    private static boolean isFreedesktop() {
        String os = System.getProperty("os.name", "");
        return !os.startsWith("Windows") && !os.startsWith("Mac");
    }
}
