package app.duet.client.ui.call;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Maps the push-to-talk key (Space) to {@link OwnMediaModel#talkPressed()} and {@link OwnMediaModel#talkReleased()}
 * while the call screen is in the window. Not while typing (Space is a space in the chat field). A key used to
 * talk is consumed, so it does not also press the focused button; while the microphone is on, Space presses
 * buttons as usual. A window that loses the focus never sees the key come up: that ends the talk too.
 */
final class PushToTalkKeys {
    private PushToTalkKeys() {
    }

    static void whileShown(Node screen, OwnMediaModel own) {
        EventHandler<KeyEvent> pressed = e -> {
            if (!typing(e) && CallShortcuts.PUSH_TO_TALK.keys().match(e) && own.talkPressed()) {
                e.consume();
            }
        };
        // Released by key alone: a modifier pressed meanwhile must not leave the microphone live.
        EventHandler<KeyEvent> released = e -> {
            if (e.getCode() == KeyCode.SPACE && own.talkReleased()) {
                e.consume();
            }
        };
        ChangeListener<Boolean> windowFocus = (obs, was, focused) -> {
            if (!focused) {
                own.talkReleased();
            }
        };
        screen.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
                old.removeEventFilter(KeyEvent.KEY_RELEASED, released);
                if (old.getWindow() != null) {
                    old.getWindow().focusedProperty().removeListener(windowFocus);
                }
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
                scene.addEventFilter(KeyEvent.KEY_RELEASED, released);
                if (scene.getWindow() != null) {
                    scene.getWindow().focusedProperty().addListener(windowFocus);
                }
            }
        });
    }

    private static boolean typing(KeyEvent e) {
        return e.getTarget() instanceof TextInputControl;
    }
}
