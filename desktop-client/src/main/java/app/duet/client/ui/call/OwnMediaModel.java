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
    private final CallControls controls;
    private final Background background;
    private final Consumer<String> problem;
    private final ReadOnlyBooleanWrapper micOn = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper cameraOn;
    private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(false);
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
        micOn.set(!micOn.get());
        controls.setMicrophoneMuted(!micOn.get());
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

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public StringBinding micText() {
        return Bindings.createStringBinding(() -> micOn.get()
                ? "Microphone on — press to mute" : "Microphone muted — press to unmute", micOn);
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
