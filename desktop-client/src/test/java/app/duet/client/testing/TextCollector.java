package app.duet.client.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;

/** Gathers the text a person can see in a node tree. */
final class TextCollector {
    private TextCollector() {
    }

    static String collect(Node node) {
        StringBuilder out = new StringBuilder();
        walk(node, out);
        return out.toString();
    }

    private static void walk(Node node, StringBuilder out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof ScrollPane s && s.getContent() != null) {
            walk(s.getContent(), out);
        }
        if (node instanceof TitledPane t && t.getContent() != null) {
            walk(t.getContent(), out);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> walk(child, out));
        }
    }
}
