package app.duet.client.call;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.client.call.media.DeviceCatalog;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.video.LatestFrameHolder;

/**
 * What a person controls in a call, and the devices it uses: the narrow side of the {@link CallEngine} that
 * the call screen and the settings need. Commands without a call in progress do nothing (or fail their
 * future); device choices also apply to the next call.
 */
public interface CallControls {

    /** Hangs up the current call, cancels our unanswered ring, or declines a ring to us. */
    CompletableFuture<Void> hangup();

    /** Loudness of the far side's audio, 0..1 (0 without a call). */
    double remoteAudioLevel();

    void setMicrophoneMuted(boolean muted);

    void setCameraEnabled(boolean enabled);

    /** Starts sending video in an audio call (camera, or the test pattern when there is none). */
    void startVideo();

    /** Replaces the outgoing video with a screen; completes exceptionally when it cannot be captured. */
    CompletableFuture<Void> shareScreen(DisplayInfo display);

    void stopScreenShare();

    /** Restarts ICE (e.g. after a network change the connection did not survive). */
    void restartIce();

    CompletableFuture<ChatMessage> sendChat(String text);

    /** Starts sending a file; returns its transfer id. Progress arrives through the listener. */
    String sendFile(Path file) throws IOException;

    void cancelFile(String transferId);

    /** Receives a file the far side offered ({@link FileTransferUpdate.Status#OFFERED}). */
    void acceptFile(String transferId);

    /** Turns down an offered file; the sender sees it declined. */
    void declineFile(String transferId);

    /** The far side's video; survives across calls, so the UI binds it once. */
    LatestFrameHolder remoteVideo();

    LatestFrameHolder selfView();

    /** Monitors that can be shared. */
    List<DisplayInfo> displays();

    /** Cameras, microphones, speakers; queries may take up to a few seconds, so call off the UI thread. */
    DeviceCatalog devices();

    /** Uses this camera from now on, switching the current call's video unless it shares a screen. */
    void selectCamera(String deviceId);

    /** Uses this microphone (restarts capture); false when it is gone. Call off the UI thread. */
    boolean selectMicrophone(String deviceId);

    /** Plays the far side on this speaker; false when it is gone. Call off the UI thread. */
    boolean selectSpeaker(String deviceId);

    /** Relays the media of calls set up from now on through TURN (or not); a call in progress keeps its path. */
    void setForceRelay(boolean relay);
}
