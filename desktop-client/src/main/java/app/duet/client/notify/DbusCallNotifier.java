package app.duet.client.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.protocol.Media;

/**
 * Incoming-call notifications on Linux through the freedesktop Notifications service on the session D-Bus.
 * Every D-Bus call runs on its own thread ({@code duet-notifications}), which alone holds the connection and
 * the shown notification; the person's choice goes back on the UI executor. When no service answers, this
 * logs one line and shows nothing (the in-window dialog and the ring stay).
 */
public final class DbusCallNotifier implements CallNotifier {
    private static final Logger log = LoggerFactory.getLogger(DbusCallNotifier.class);
    static final String APP_NAME = "Duet";
    /** Critical: servers keep it on screen until we withdraw it (a ring lasts up to a minute). */
    private static final byte URGENCY_CRITICAL = 2;
    private static final int NEVER_EXPIRES = 0;

    private final Optional<String> busAddress;
    private final Executor ui;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "duet-notifications");
        t.setDaemon(true);
        return t;
    });
    // Only on duet-notifications:
    private DBusConnection connection;
    private Notifications service;
    private boolean unavailable;
    private Shown shown;

    private record Shown(long id, String callId, AlertChoices choices) {
    }

    /**
     * {@code busAddress} is the session bus (DBUS_SESSION_BUS_ADDRESS); empty means there is none. Connects at
     * once, in the background, so that the first ring is not held up by it.
     */
    public DbusCallNotifier(Optional<String> busAddress, Executor ui) {
        this.busAddress = busAddress;
        this.ui = ui;
        thread.execute(this::connected);
    }

    @Override
    public void show(CallAlert alert, AlertChoices choices) {
        thread.execute(() -> {
            if (!connected()) {
                return;
            }
            try {
                UInt32 replaces = new UInt32(shown != null ? shown.id() : 0);
                UInt32 id = service.Notify(APP_NAME, replaces, "", alert.summary(), alert.body(), actions(alert),
                        Map.of("urgency", new Variant<>(URGENCY_CRITICAL), "desktop-entry", new Variant<>("duet")),
                        NEVER_EXPIRES);
                shown = new Shown(id.longValue(), alert.callId(), choices);
            } catch (DBusExecutionException e) {
                log.warn("The notification service refused the call's notification: {}", e.getMessage());
            }
        });
    }

    @Override
    public void withdraw(String callId) {
        thread.execute(() -> {
            if (shown != null && shown.callId().equals(callId)) {
                closeShown();
            }
        });
    }

    @Override
    public void close() {
        thread.execute(() -> {
            closeShown();
            if (connection != null) {
                connection.disconnect();
                connection = null;
            }
        });
        thread.shutdown();
    }

    /** Action keys and labels, in the order the server shows them. "default" is a click on the notification. */
    static List<String> actions(CallAlert alert) {
        List<String> actions = new ArrayList<>(List.of("default", "Show Duet"));
        if (alert.video()) {
            actions.addAll(List.of(ActionKey.ACCEPT_VIDEO, "Accept", ActionKey.ACCEPT_AUDIO, "Accept audio only"));
        } else {
            actions.addAll(List.of(ActionKey.ACCEPT_AUDIO, "Accept"));
        }
        actions.addAll(List.of(ActionKey.DECLINE, "Decline"));
        return actions;
    }

    private void closeShown() {
        if (shown == null || service == null) {
            return;
        }
        long id = shown.id();
        shown = null;
        try {
            service.CloseNotification(new UInt32(id));
        } catch (DBusExecutionException e) {
            log.debug("Notification {} was already gone: {}", id, e.getMessage());
        }
    }

    private void invoked(Notifications.ActionInvoked signal) {
        onOwnThread(() -> {
            if (shown == null || shown.id() != signal.id()) {
                return;
            }
            AlertChoices choices = shown.choices();
            closeShown();
            ui.execute(() -> ActionKey.answer(signal.actionKey(), choices));
        });
    }

    private void closedByServer(Notifications.NotificationClosed signal) {
        // Dismissed by the person (or expired): the ring goes on in the window; nothing to withdraw later.
        onOwnThread(() -> {
            if (shown != null && shown.id() == signal.id()) {
                shown = null;
            }
        });
    }

    /** A signal's work, on our thread; one that arrives after {@link #close} (ours being withdrawn) is dropped. */
    private void onOwnThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("A notification signal after closing: {}", e.getMessage());
        }
    }

    /** Connects on first use; false (logged once) when there is no bus or no notification service on it. */
    private boolean connected() {
        if (service != null || unavailable) {
            return service != null;
        }
        try {
            if (busAddress.isEmpty()) {
                throw new DBusException("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
            }
            connection = DBusConnectionBuilder.forAddress(busAddress.get()).withShared(false).build();
            Notifications remote = connection.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH,
                    Notifications.class);
            List<String> capabilities = remote.GetCapabilities(); // fails when no server owns the name
            connection.addSigHandler(Notifications.ActionInvoked.class, this::invoked);
            connection.addSigHandler(Notifications.NotificationClosed.class, this::closedByServer);
            service = remote;
            if (!capabilities.contains("actions")) {
                log.info("The desktop's notification service shows no buttons; answer calls in Duet's window");
            }
            return true;
        } catch (DBusException | DBusExecutionException e) {
            unavailable = true;
            log.info("No desktop notification service ({}); incoming calls show in Duet's window only",
                    e.getMessage());
            if (connection != null) {
                connection.disconnect();
                connection = null;
            }
            return false;
        }
    }

    /** The action keys Duet's notifications carry, and what each one answers. */
    static final class ActionKey {
        static final String ACCEPT_VIDEO = "accept-video";
        static final String ACCEPT_AUDIO = "accept-audio";
        static final String DECLINE = "decline";

        private ActionKey() {
        }

        /** Accepting brings the window up too: the call is there (it may have been in the tray). */
        static void answer(String key, AlertChoices choices) {
            switch (key) {
                case ACCEPT_VIDEO -> {
                    choices.showWindow();
                    choices.accept(Media.VIDEO);
                }
                case ACCEPT_AUDIO -> {
                    choices.showWindow();
                    choices.accept(Media.AUDIO);
                }
                case DECLINE -> choices.decline();
                default -> choices.showWindow();
            }
        }
    }
}
