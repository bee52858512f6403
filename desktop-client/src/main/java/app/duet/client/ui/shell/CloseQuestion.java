package app.duet.client.ui.shell;

import java.util.function.Consumer;

import org.kordamp.ikonli.feather.Feather;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import app.duet.client.ui.common.Forms;

/** Asked the first time the window is closed while a tray icon is up: keep running there, or quit? */
public final class CloseQuestion extends VBox {

    /** {@code answer} gets true for "keep running in the tray", false for "quit". */
    public CloseQuestion(Consumer<Boolean> answer) {
        setId("close-question");
        getStyleClass().add("overlay-card");
        setAccessibleRole(AccessibleRole.DIALOG);
        setSpacing(14);
        setPadding(new Insets(24));
        setAlignment(Pos.CENTER_LEFT);
        setPrefWidth(420);
        Label title = new Label("Keep Duet running?");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = Forms.paragraph("In the tray, Duet still rings and notifies you of calls while its window is "
                + "closed. Duet remembers your answer; change it in Settings.");
        Button keep = Forms.primary("Keep running in the tray", Feather.MINIMIZE_2);
        keep.setId("close-to-tray");
        keep.setOnAction(e -> answer.accept(true));
        keep.setDefaultButton(true);
        Button quit = Forms.secondary("Quit Duet", Feather.POWER);
        quit.setId("close-quit");
        quit.setOnAction(e -> answer.accept(false));
        getChildren().addAll(title, text, new HBox(10, keep, quit));
        setAccessibleText("Keep Duet running in the tray when its window is closed?");
    }
}
