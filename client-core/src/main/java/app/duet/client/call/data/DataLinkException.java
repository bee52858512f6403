package app.duet.client.call.data;

/** The data channel could not carry a message (closed, not yet open, or refused). */
public final class DataLinkException extends Exception {

    public DataLinkException(String message) {
        super(message);
    }

    public DataLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
