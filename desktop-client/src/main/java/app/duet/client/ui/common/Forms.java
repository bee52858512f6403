package app.duet.client.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Building blocks shared by the form screens, so they look and read (to screen readers) the same. */
public final class Forms {
    /** Forms stay readable on a 4K screen instead of stretching across it. */
    public static final double FORM_MAX_WIDTH = 460;

    private Forms() {
    }

    /** A labelled input: the label names the control for screen readers and moves focus with its mnemonic. */
    public static VBox field(String label, Control input, String help) {
        Label caption = new Label(label);
        caption.setLabelFor(input);
        caption.setMnemonicParsing(true);
        caption.getStyleClass().add("field-label");
        input.setAccessibleText(label.replace("_", "") + (help == null || help.isEmpty() ? "" : ". " + help));
        input.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, caption, input);
        if (help != null && !help.isEmpty()) {
            Label hint = new Label(help);
            hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        return box;
    }

    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        return title;
    }

    /** The heading of one part of a long form (settings, account). */
    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    public static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("paragraph");
        return label;
    }

    public static Button primary(String text, Feather icon) {
        Button button = new Button(text, new FontIcon(icon));
        button.getStyleClass().add(Styles.ACCENT);
        button.setDefaultButton(true);
        button.setMaxWidth(Double.MAX_VALUE);
        return button;
    }

    public static Button secondary(String text, Feather icon) {
        Button button = new Button(text, icon == null ? null : new FontIcon(icon));
        button.setMaxWidth(Double.MAX_VALUE);
        return button;
    }

    public static Button link(String text) {
        Button button = new Button(text);
        button.getStyleClass().addAll(Styles.FLAT, "link-button");
        return button;
    }

    /** A centred column of at most {@link #FORM_MAX_WIDTH}, scrolling when the window is short. */
    public static ScrollPane page(Node... children) {
        VBox column = new VBox(14, children);
        // Never squeeze a child below its preferred height (wrapped text would turn into "..."): scroll instead.
        for (Node child : children) {
            if (child instanceof javafx.scene.layout.Region region) {
                region.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        column.getStyleClass().add("form-card");
        column.setMaxWidth(FORM_MAX_WIDTH);
        column.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        column.setPadding(new Insets(24));
        StackPane centred = new StackPane(column);
        centred.setAlignment(Pos.CENTER);
        centred.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        // Centred vertically in a tall window; still scrolls when the window is shorter than the form.
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("page", Tweaks.EDGE_TO_EDGE);
        return scroll;
    }
}
