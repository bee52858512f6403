package app.duet.client.notify;

/**
 * Tells the desktop about an incoming call outside Duet's window. Implementations never block the caller
 * (the FX thread) and hand the person's choice back through {@link AlertChoices} on the UI thread.
 */
public interface CallNotifier extends AutoCloseable {

    /** Shows a notification for {@code alert}; at most one is shown, a new one replaces it. */
    void show(CallAlert alert, AlertChoices choices);

    /** Takes the notification of {@code callId} away (answered, declined, cancelled, timed out); else nothing. */
    void withdraw(String callId);

    @Override
    void close();

    /** No notifications at all: the in-window dialog and the ring are all there is. */
    CallNotifier NONE = new CallNotifier() {
        @Override
        public void show(CallAlert alert, AlertChoices choices) {
        }

        @Override
        public void withdraw(String callId) {
        }

        @Override
        public void close() {
        }
    };
}
