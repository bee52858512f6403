package app.duet.client.call.media;

/**
 * A camera, microphone or speaker as the UI shows it. {@code id} is the platform descriptor used to select it again.
 */
public record DeviceInfo(Kind kind, String id, String name, boolean isDefault) {

    public enum Kind { CAMERA, MICROPHONE, SPEAKER }
}
