package app.duet.client.call.model;

/** What the far side says it is sending: microphone on, camera on, sharing a screen. */
public record RemoteMediaState(boolean microphoneOn, boolean cameraOn, boolean screenSharing) {

    public static final RemoteMediaState INITIAL = new RemoteMediaState(true, true, false);
}
