package app.duet.client.ui.settings;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import app.duet.client.ui.common.Forms;

/** Settings' "Incoming calls" and "Background" sections, on a {@link DesktopSettingsModel}. */
final class DesktopSection {

    private DesktopSection() {
    }

    static VBox incomingCalls(DesktopSettingsModel model) {
        CheckBox dnd = box("settings-do-not-disturb", "Do not disturb");
        dnd.selectedProperty().bindBidirectional(model.doNotDisturbProperty());
        CheckBox raise = box("settings-raise-on-ring", "Bring the window to the front when a call comes in");
        raise.selectedProperty().bindBidirectional(model.raiseOnRingProperty());
        return new VBox(8, dnd,
                Forms.paragraph("While on, calls do not ring, show or notify; the caller's ring runs out unanswered. "
                        + "Also in the tray icon's menu."),
                raise,
                Forms.paragraph("Off: a call shows a desktop notification with Accept and Decline, and marks Duet in "
                        + "the taskbar without taking the keyboard from what you are typing in."));
    }

    static VBox background(DesktopSettingsModel model) {
        CheckBox tray = box("settings-close-to-tray", "Keep Duet running in the tray when its window is closed");
        tray.selectedProperty().bindBidirectional(model.closeToTrayProperty());
        CheckBox login = box("settings-start-at-login", "Start Duet in the tray when I log in");
        login.selectedProperty().bindBidirectional(model.startAtLoginProperty());
        login.disableProperty().bind(model.startAtLoginAvailableProperty().not());
        Label problem = new Label();
        problem.setId("settings-start-at-login-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.startAtLoginProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(8, tray,
                Forms.paragraph("In the tray Duet still rings and notifies you. Desktops without a tray keep the "
                        + "window open instead."),
                login, problem,
                Forms.paragraph("Needs Duet installed from its package. On Windows and macOS the installer's "
                        + "option does this."));
    }

    private static CheckBox box(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }
}
