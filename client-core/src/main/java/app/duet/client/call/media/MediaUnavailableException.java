package app.duet.client.call.media;

/** A camera, microphone or screen could not be opened; the message is meant for the user. */
public final class MediaUnavailableException extends Exception {

    public MediaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediaUnavailableException(String message) {
        super(message);
    }
}
