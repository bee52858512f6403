package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.control.CheckBox;
import javafx.stage.WindowEvent;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.model.CallState;
import app.duet.client.config.DesktopSettings.CloseAction;
import app.duet.client.testing.DesktopSession;
import app.duet.client.testing.DesktopSessionExtension;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.client.ui.call.FilePicker;

/**
 * Bob's Duet on a desktop with a real system tray (trayer) and notification daemon (dunst): closing the window
 * asks once, then Duet lives in the tray and still rings; accepting from the notification brings the window
 * back with the call. The tray icon's badge counts missed calls, and its Do not disturb is the setting's.
 */
@ExtendWith(DesktopSessionExtension.class)
@DesktopSessionExtension.WithTray
class TrayUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void closedToTheTrayDuetStillRingsAndAnswers(DesktopSession desktop) throws Exception {
        TestServer server = rig.server();
        UiClient bob = rig.closeLater(UiClient.start(server.uri(), temp.resolve("bob"), 960, 680,
                FilePicker.chooser(), desktop.env()));
        UiRig.signUp(bob, "bob", "Bob Jones");
        UiRig.createChannel(bob, "room");
        CallEngine carol = rig.engineInChannel(server.uri(), "carol", "bob", "room", new CallEngineListener() { });
        bob.awaitText("carol is online");
        TrayIcon icon = await().atMost(Waits.UI).until(TrayUiTest::duetIcon, i -> i != null);

        close(bob);
        bob.node("close-question");
        bob.press("close-to-tray");
        await().atMost(Waits.UI).until(() -> !UiClient.onFx(bob.stage()::isShowing));
        assertThat(bob.app().preferences().get().desktop().onClose()).isEqualTo(CloseAction.TRAY);

        carol.ring("room", true).get();
        await().atMost(Waits.UI).until(desktop::shown, n -> n == 1);
        desktop.choose("Accept");

        await().atMost(Waits.UI).until(() -> UiClient.onFx(bob.stage()::isShowing));
        bob.awaitScreen("Call with carol");
        await().atMost(Waits.UI).until(() -> carol.state() == CallState.CONNECTED);
        bob.press("call-hangup");
        bob.awaitScreen("Channels");

        // Asked once: the next close goes straight to the tray.
        close(bob);
        await().atMost(Waits.UI).until(() -> !UiClient.onFx(bob.stage()::isShowing));
        assertThat(bob.has("close-question")).isFalse();

        // A ring Carol gives up on is a missed call for Bob: the server says so, and the icon counts it.
        carol.ring("room", false).get();
        await().atMost(Waits.UI).until(desktop::shown, n -> n == 1);
        carol.hangup().get();
        await().atMost(Waits.UI).until(() -> onAwt(icon::getToolTip).equals("Duet — 1 missed call"));
    }

    @Test
    void theTrayMenusDoNotDisturbIsTheSetting(DesktopSession desktop) throws Exception {
        TestServer server = rig.server();
        UiClient bob = rig.closeLater(UiClient.start(server.uri(), temp.resolve("bob"), 960, 680,
                FilePicker.chooser(), desktop.env()));
        TrayIcon icon = await().atMost(Waits.UI).until(TrayUiTest::duetIcon, i -> i != null);
        CheckboxMenuItem dnd = (CheckboxMenuItem) onAwt(() -> Arrays.stream(menuItems(icon))
                .filter(i -> i.getLabel().equals("Do not disturb")).findFirst().orElseThrow());

        // As a person does it: a right click on the icon in the panel, then the menu's second item.
        Rectangle docked = desktop.dockedTrayIcon();
        desktop.click(docked, 3);
        Rectangle menu = desktop.trayMenu();
        Rectangle both = menu.union(docked);
        both.grow(16, 16);
        new Screenshots().screen("32-tray-menu", both);
        desktop.keys("Down", "Down", "Return");

        await().atMost(Waits.UI).until(() -> bob.app().preferences().get().desktop().doNotDisturb());
        assertThat(onAwt(dnd::getState)).isTrue();
        bob.press("welcome-settings");
        CheckBox setting = bob.node("settings-do-not-disturb");
        assertThat(UiClient.onFx(setting::isSelected)).isTrue();
        bob.run(() -> setting.setSelected(false));
        await().atMost(Waits.UI).until(() -> !onAwt(dnd::getState));
    }

    private static void close(UiClient ui) {
        ui.run(() -> ui.stage().fireEvent(new WindowEvent(ui.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private static TrayIcon duetIcon() {
        return onAwt(() -> Arrays.stream(SystemTray.getSystemTray().getTrayIcons())
                .filter(i -> i.getToolTip().startsWith("Duet")).findFirst().orElse(null));
    }

    private static java.awt.MenuItem[] menuItems(TrayIcon icon) {
        var menu = icon.getPopupMenu();
        java.awt.MenuItem[] items = new java.awt.MenuItem[menu.getItemCount()];
        for (int i = 0; i < items.length; i++) {
            items[i] = menu.getItem(i);
        }
        return items;
    }

    private static <T> T onAwt(java.util.concurrent.Callable<T> read) {
        AtomicReference<T> value = new AtomicReference<>();
        try {
            EventQueue.invokeAndWait(() -> {
                try {
                    value.set(read.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return value.get();
    }
}
