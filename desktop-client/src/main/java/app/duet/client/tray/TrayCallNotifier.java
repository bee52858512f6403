package app.duet.client.tray;

import java.util.Optional;
import java.util.function.Supplier;

import app.duet.client.notify.AlertChoices;
import app.duet.client.notify.CallAlert;
import app.duet.client.notify.CallNotifier;

/**
 * Windows and macOS: AWT's only notification, the tray icon's message (a toast on Windows 10/11, a
 * Notification Center banner on macOS). It has no buttons and cannot be withdrawn; clicking it, or the icon,
 * shows Duet's window, where the call is answered.
 */
public final class TrayCallNotifier implements CallNotifier {
    private final Supplier<Optional<DuetTray>> tray;

    public TrayCallNotifier(Supplier<Optional<DuetTray>> tray) {
        this.tray = tray;
    }

    @Override
    public void show(CallAlert alert, AlertChoices choices) {
        tray.get().ifPresent(t -> t.message(alert.summary(), alert.body() + ". Open Duet to answer."));
    }

    @Override
    public void withdraw(String callId) {
        // A tray message cannot be taken back; it goes away by itself after a few seconds.
    }

    @Override
    public void close() {
        // The tray icon is closed by its owner.
    }
}
