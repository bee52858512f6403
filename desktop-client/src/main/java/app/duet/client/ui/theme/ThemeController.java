package app.duet.client.ui.theme;

import java.util.Objects;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import app.duet.client.config.ClientSettings.Theme;

/** Applies the AtlantaFX Primer theme (light or dark) plus Duet's own stylesheet. */
public final class ThemeController {
    static final String APP_CSS = "/app/duet/client/ui/duet.css";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public ThemeController(Theme initial) {
        theme.addListener((obs, old, now) -> apply(now));
        theme.set(initial);
        apply(initial);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Adds Duet's stylesheet to a scene (the user-agent theme applies to every scene already). */
    public void style(Scene scene) {
        String css = Objects.requireNonNull(ThemeController.class.getResource(APP_CSS), APP_CSS).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }

    private static void apply(Theme t) {
        String sheet = t == Theme.DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        Application.setUserAgentStylesheet(sheet);
    }
}
