package app.duet.client.ui.help;

import javafx.scene.input.KeyCombination;

/** A keyboard shortcut and what it does, for the help overlay and tooltips. */
public record Shortcut(KeyCombination keys, String action) {

    public static Shortcut of(String keys, String action) {
        return new Shortcut(KeyCombination.valueOf(keys), action);
    }

    /** "Ctrl+M" as shown to people. */
    public String keysText() {
        return keys.getDisplayText();
    }

    /** A tooltip line: "Mute microphone (Ctrl+M)". */
    public String tooltip(String what) {
        return what + " (" + keysText() + ")";
    }
}
