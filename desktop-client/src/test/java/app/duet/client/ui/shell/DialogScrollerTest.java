package app.duet.client.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import app.duet.client.testing.UiClient;

/** A dialog whose text wraps gets the height it needs at its width: no scrollbar when the window has room. */
class DialogScrollerTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void aDialogWithWrappedTextIsNotGivenAScrollbarInATallWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<VBox> shown = new AtomicReference<>();
        AtomicReference<DialogScroller> scroller = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            Label text = new Label("The call could not be set up. If this keeps happening, a firewall may block it: "
                    + "ask your admin for a TURN server and turn on \"Always relay\" in Settings.");
            text.setWrapText(true);
            VBox dialog = new VBox(12, new Label("Call ended"), text, new Button("Close"));
            dialog.setPrefWidth(300);
            shown.set(dialog);
            scroller.set(new DialogScroller(dialog));
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(scroller.get()), 480, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents(4);

        UiClient.onFx(() -> {
            VBox dialog = shown.get();
            assertThat(dialog.prefHeight(dialog.getWidth())).isGreaterThan(dialog.prefHeight(-1)); // the text wraps
            assertThat(scroller.get().getHeight()).isGreaterThanOrEqualTo(dialog.prefHeight(dialog.getWidth()));
            assertThat(scroller.get().lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                    .filter(b -> b.getOrientation() == Orientation.VERTICAL).noneMatch(ScrollBar::isVisible)).isTrue();
            return null;
        });
    }
}
