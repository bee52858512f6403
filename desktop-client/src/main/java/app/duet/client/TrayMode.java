package app.duet.client;

import java.awt.SystemTray;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import app.duet.client.config.DesktopSettings.CloseAction;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.tray.DuetIcon;
import app.duet.client.tray.DuetTray;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.shell.CloseQuestion;
import app.duet.client.ui.shell.MainWindow;
import app.duet.protocol.Event;

/**
 * Background mode: the tray icon, closing the window to it (asked once, then as Settings say), starting
 * hidden ({@code --hidden}) and the tray menu's do not disturb. Without a tray the window stays: it is shown
 * even when started hidden, and closing it quits. The icon counts the unseen missed calls the server reports.
 * FX thread, except the tray's start.
 */
final class TrayMode implements SignalingListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrayMode.class);
    private final Stage stage;
    private final MainWindow window;
    private final Preferences preferences;
    private final Runnable quit;
    private Optional<DuetTray> tray = Optional.empty();
    private CloseQuestion asking;
    private int missed;

    /** {@code quit} ends the app (the real one: {@code Platform.exit}, which stops it). */
    TrayMode(Stage stage, MainWindow window, Preferences preferences, Runnable quit) {
        this.quit = quit;
        this.stage = stage;
        this.window = window;
        this.preferences = preferences;
    }

    /** Puts the icon up on {@code background} (AWT starts slowly); shows the window unless {@code hidden} and a tray came up. */
    void start(boolean hidden, Executor background) {
        if (!hidden) {
            stage.show();
        }
        boolean dnd = preferences.get().desktop().doNotDisturb();
        background.execute(() -> {
            int size = SystemTray.isSupported() ? Math.max(16, SystemTray.getSystemTray().getTrayIconSize().width) : 16;
            Optional<DuetTray> installed = DuetTray.install(DuetIcon.render(size), dnd, commands(), Platform::runLater);
            Platform.runLater(() -> trayReady(installed, hidden));
        });
        preferences.settingsProperty().addListener((obs, old, now) ->
                tray.ifPresent(t -> t.setDoNotDisturb(now.desktop().doNotDisturb())));
    }

    /** The missed-call badge on the tray icon; nothing without a tray. */
    void setMissedCount(int count) {
        missed = count;
        tray.ifPresent(t -> t.setMissedCount(count));
    }

    @Override
    public void onMissedCalls(Event.MissedCalls event) {
        setMissedCount(event.calls().size());
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        setMissedCount(0);
    }

    Optional<DuetTray> tray() {
        return tray;
    }

    @Override
    public void close() {
        tray.ifPresent(DuetTray::close);
    }

    private void trayReady(Optional<DuetTray> installed, boolean hidden) {
        tray = installed;
        if (installed.isEmpty()) {
            if (hidden) {
                log.info("Started with --hidden but there is no tray to find Duet in: showing the window");
                stage.show();
            }
            return;
        }
        installed.get().setMissedCount(missed); // reported before the tray came up
        Platform.setImplicitExit(false);
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, this::closing);
    }

    private void closing(WindowEvent event) {
        CloseAction action = preferences.get().desktop().onClose();
        if (action == CloseAction.QUIT) {
            quit.run();
            return;
        }
        event.consume();
        if (action == CloseAction.TRAY) {
            stage.hide();
        } else if (asking == null) {
            asking = new CloseQuestion(keep -> {
                window.closeOverlay(asking);
                asking = null;
                preferences.update(s -> s.withDesktop(s.desktop().withOnClose(keep ? CloseAction.TRAY : CloseAction.QUIT)));
                if (keep) {
                    stage.hide();
                } else {
                    quit.run();
                }
            });
            window.showOverlay(asking, null);
        }
    }

    private DuetTray.Commands commands() {
        return new DuetTray.Commands() {
            @Override
            public void show() {
                window.bringToFront();
            }

            @Override
            public void doNotDisturb(boolean on) {
                preferences.update(s -> s.withDesktop(s.desktop().withDoNotDisturb(on)));
            }

            @Override
            public void quit() {
                quit.run();
            }
        };
    }

}
