package app.duet.client.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Holds a dialog that scrolls only when the window is really too short for it. A plain ScrollPane asks its
 * content for the height it needs without a width, so text that wraps at the dialog's width (the caller's
 * sentence, the buttons' rows) is counted as one line, the pane comes out too short and shows a scrollbar
 * even in a large window. This one asks at the width the dialog gets.
 */
final class DialogScroller extends ScrollPane {

    DialogScroller(Region dialog) {
        super(dialog);
        setFitToWidth(true);
        getStyleClass().add("overlay-scroll");
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node content = getContent();
        double sides = snappedLeftInset() + snappedRightInset();
        double contentWidth = width < 0 ? content.prefWidth(-1) : width - sides;
        return snappedTopInset() + content.prefHeight(contentWidth) + snappedBottomInset();
    }
}
