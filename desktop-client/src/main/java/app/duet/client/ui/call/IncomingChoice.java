package app.duet.client.ui.call;

import java.util.function.Consumer;

import app.duet.client.notify.AlertChoices;
import app.duet.protocol.Media;

/**
 * One incoming ring's answers, shared by its dialog and its desktop notification: the first answer wins,
 * and none counts once the ring has ended (a notification's button can arrive late). FX thread only.
 */
final class IncomingChoice implements IncomingCallOverlay.Choice, AlertChoices {
    private final String callId;
    private final Consumer<Media> accept;
    private final Runnable decline;
    private final Runnable showWindow;
    private boolean over;

    IncomingChoice(String callId, Consumer<Media> accept, Runnable decline, Runnable showWindow) {
        this.callId = callId;
        this.accept = accept;
        this.decline = decline;
        this.showWindow = showWindow;
    }

    String callId() {
        return callId;
    }

    @Override
    public void accept(Media media) {
        if (!over) {
            over = true;
            accept.accept(media);
        }
    }

    @Override
    public void decline() {
        if (!over) {
            over = true;
            decline.run();
        }
    }

    @Override
    public void showWindow() {
        showWindow.run();
    }

    /** The ring ended some other way (answered elsewhere, cancelled, timed out). */
    void end() {
        over = true;
    }
}
