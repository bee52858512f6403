package app.duet.client.ui.call;

import java.util.Map;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/** Shortcuts that work anywhere in the window while a node (a screen, a dialog) is in it, and stop when it leaves. */
final class SceneShortcuts {
    private SceneShortcuts() {
    }

    static void whileShown(Node node, Map<KeyCombination, Runnable> actions) {
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                actions.keySet().forEach(k -> old.getAccelerators().remove(k));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(actions);
            }
        });
    }
}
