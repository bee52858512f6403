package app.duet.client.ui.help;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The list of keyboard shortcuts, opened with F1 or '?'. */
public final class HelpOverlay extends VBox {

    /** Shortcuts that work everywhere. */
    public static final List<Shortcut> GLOBAL = List.of(
            Shortcut.of("F1", "Show this help (also ?)"),
            Shortcut.of("Shortcut+Comma", "Open settings"),
            Shortcut.of("Esc", "Close this help or a dialog"),
            Shortcut.of("Tab", "Move to the next control (Shift+Tab: previous)"),
            Shortcut.of("Space", "Press the focused button (muted in a call, Space talks instead)"));

    public HelpOverlay(Map<String, List<Shortcut>> sections, Runnable close) {
        setId("help-overlay");
        getStyleClass().addAll("overlay-card", "help-overlay");
        setAccessibleRole(AccessibleRole.DIALOG);
        setAccessibleText("Keyboard shortcuts");
        setSpacing(12);
        setPadding(new Insets(24));
        setMaxWidth(560);
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        getChildren().add(title);
        Map<String, List<Shortcut>> all = new LinkedHashMap<>();
        all.put("Everywhere", GLOBAL);
        all.putAll(sections);
        all.forEach((section, shortcuts) -> {
            Label heading = new Label(section);
            heading.getStyleClass().add(Styles.TITLE_4);
            GridPane grid = new GridPane();
            grid.setHgap(16);
            grid.setVgap(6);
            for (int i = 0; i < shortcuts.size(); i++) {
                Label keys = new Label(shortcuts.get(i).keysText());
                keys.getStyleClass().add("kbd");
                keys.setMinWidth(Region.USE_PREF_SIZE); // keys cut to "Ct..." say nothing; the action wraps instead
                Label action = new Label(shortcuts.get(i).action());
                action.setWrapText(true);
                grid.addRow(i, keys, action);
            }
            getChildren().addAll(heading, grid);
        });
        Button done = new Button("Close", new FontIcon(Feather.X));
        done.setId("help-close");
        done.setDefaultButton(true);
        done.setOnAction(e -> close.run());
        getChildren().add(done);
    }
}
