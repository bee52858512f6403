package app.duet.client.ui.call;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import app.duet.client.call.CallControls;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.ui.common.Background;
import app.duet.protocol.Media;

/**
 * What this person sends in the call: microphone on or muted, camera on or off, screen shared or not, and
 * the words the buttons say about it. Part of the {@link CallViewModel}, on the FX thread.
 */
public final class OwnMediaModel {
    /** Held while muted to talk, as in Zoom, Teams and Jitsi. */
    static final String PUSH_TO_TALK_KEY = "Space";

    private final CallControls controls;
    private final Background background;
    private final Consumer<String> problem;
    private final ReadOnlyBooleanWrapper micOn = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper cameraOn;
    private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(false);
    /** Muted, but live while the push-to-talk key is held. */
    private final ReadOnlyBooleanWrapper talking = new ReadOnlyBooleanWrapper(false);
    /** An audio call sends no video until the camera is first turned on. */
    private boolean videoStarted;

    OwnMediaModel(Media media, CallControls controls, Background background, Consumer<String> problem) {
        this.controls = controls;
        this.background = background;
        this.problem = problem;
        this.cameraOn = new ReadOnlyBooleanWrapper(media == Media.VIDEO);
        this.videoStarted = media == Media.VIDEO;
    }

    public void toggleMic() {
        if (talking.get()) {
            talking.set(false); // unmuting while holding the key keeps the microphone on, as it already is
            micOn.set(true);
            return;
        }
        micOn.set(!micOn.get());
        controls.setMicrophoneMuted(!micOn.get());
    }

    /**
     * The push-to-talk key went down: while muted, the microphone is live until {@link #talkReleased()}. Returns
     * whether the key was taken for talking (held keys repeat; those count too), false while the microphone is on.
     */
    public boolean talkPressed() {
        if (talking.get()) {
            return true;
        }
        if (micOn.get()) {
            return false;
        }
        talking.set(true);
        controls.setMicrophoneMuted(false);
        return true;
    }

    /** The push-to-talk key came up (or the window lost the focus): muted again. Returns whether it was talking. */
    public boolean talkReleased() {
        if (!talking.get()) {
            return false;
        }
        talking.set(false);
        controls.setMicrophoneMuted(true);
        return true;
    }

    public void toggleCamera() {
        cameraOn.set(!cameraOn.get());
        if (cameraOn.get() && !videoStarted && !sharing.get()) {
            videoStarted = true;
            controls.startVideo();
        }
        controls.setCameraEnabled(cameraOn.get());
    }

    /** The screens that can be shared, listed on a worker. */
    public CompletableFuture<List<DisplayInfo>> displays() {
        return background.supply(controls::displays);
    }

    public void shareScreen(DisplayInfo display) {
        controls.shareScreen(display).whenCompleteAsync((ok, error) -> {
            if (error == null) {
                sharing.set(true);
            } else {
                problem.accept("Your screen could not be shared: " + Background.cause(error).getMessage());
            }
        }, background.uiExecutor());
    }

    public void stopSharing() {
        controls.stopScreenShare();
        sharing.set(false);
    }

    public ReadOnlyBooleanProperty micOnProperty() {
        return micOn.getReadOnlyProperty();
    }

    /** True while muted but talking with the push-to-talk key held: the far side hears us. */
    public ReadOnlyBooleanProperty talkingProperty() {
        return talking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public StringBinding micText() {
        return Bindings.createStringBinding(() -> micOn.get() ? "Microphone on — press to mute"
                : talking.get() ? "Talking — release " + PUSH_TO_TALK_KEY + " to mute again"
                : "Microphone muted — press to unmute, or hold " + PUSH_TO_TALK_KEY + " to talk", micOn, talking);
    }


    public StringBinding cameraText() {
        return Bindings.createStringBinding(() -> cameraOn.get()
                ? "Camera on — press to turn off" : "Camera off — press to turn on", cameraOn);
    }

    public StringBinding shareText() {
        return Bindings.createStringBinding(() -> sharing.get()
                ? "Sharing your screen — press to stop" : "Share your screen", sharing);
    }
}
