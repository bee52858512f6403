package app.duet.client.notify;

import java.util.function.BooleanSupplier;

/**
 * Everything an incoming ring does outside Duet's own dialog: the desktop notification, and either the
 * taskbar's attention or (when the person asked for it in Settings) the window raised. Do not disturb
 * silences all of it, and the dialog and the ring tone too: the caller's ring runs out and counts as missed.
 */
public final class RingAlerts {
    private final CallNotifier notifier;
    private final WindowAttention attention;
    private final BooleanSupplier doNotDisturb;
    private final BooleanSupplier raiseOnRing;
    private final Runnable raiseWindow;

    public RingAlerts(CallNotifier notifier, WindowAttention attention, BooleanSupplier doNotDisturb,
                      BooleanSupplier raiseOnRing, Runnable raiseWindow) {
        this.notifier = notifier;
        this.attention = attention;
        this.doNotDisturb = doNotDisturb;
        this.raiseOnRing = raiseOnRing;
        this.raiseWindow = raiseWindow;
    }

    /** True while do not disturb is on: an incoming ring is left unanswered, unseen and unheard. */
    public boolean silenced() {
        return doNotDisturb.getAsBoolean();
    }

    /** A ring arrived and its dialog is shown. Never takes the keyboard focus unless asked to raise. */
    public void ringing(CallAlert alert, AlertChoices choices) {
        notifier.show(alert, choices);
        if (raiseOnRing.getAsBoolean()) {
            raiseWindow.run();
        } else {
            attention.request();
        }
    }

    /** The ring of {@code callId} is over, however it ended. */
    public void stopped(String callId) {
        notifier.withdraw(callId);
        attention.clear();
    }
}
