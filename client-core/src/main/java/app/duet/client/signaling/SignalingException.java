package app.duet.client.signaling;

import java.net.URI;
import java.util.Objects;

import app.duet.protocol.ErrorCode;

/**
 * Why a signaling request failed. Futures returned by {@link SignalingClient} complete exceptionally
 * with one of the subclasses, so callers can tell "the server said no" from "the server is not there".
 */
public abstract sealed class SignalingException extends RuntimeException {

    protected SignalingException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What a socket's close means for the requests on it: the server refused us, the connection dropped after
     * it opened, or it never opened. {@code cause} is the close reason or the error's message.
     */
    static SignalingException ofClosedSocket(boolean refused, boolean everOpened, URI server, String cause,
                                             Exception error) {
        if (refused) {
            return new Refused("The server has too many connections from your network right now.");
        }
        return everOpened
                ? new ConnectionLost("The connection to the server dropped (" + cause + ").")
                : new Unreachable("Could not reach the server at " + server + " (" + cause + ").", error);
    }

    /** The server answered with an error reply. */
    public static final class ServerError extends SignalingException {
        private final ErrorCode code;

        public ServerError(ErrorCode code, String message) {
            super(message, null);
            this.code = Objects.requireNonNull(code);
        }

        public ErrorCode code() {
            return code;
        }

        @Override
        public String toString() {
            return "ServerError[" + code + ": " + getMessage() + "]";
        }
    }

    /** The server could not be reached at all. */
    public static final class Unreachable extends SignalingException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The connection dropped after the request was sent; it may or may not have been carried out. */
    public static final class ConnectionLost extends SignalingException {
        public ConnectionLost(String message) {
            super(message, null);
        }
    }

    /** No reply came within the request timeout. */
    public static final class Timeout extends SignalingException {
        public Timeout(String message) {
            super(message, null);
        }
    }

    /** The client was closed (the app is quitting or the server address changed). */
    public static final class Closed extends SignalingException {
        public Closed(String message) {
            super(message, null);
        }
    }

    /** The server turned the connection away: too many connections from this address (close code 4029). */
    public static final class Refused extends SignalingException {
        public Refused(String message) {
            super(message, null);
        }
    }

    /** The server is a different kind of thing (wrong protocol version, not a Duet server). */
    public static final class Incompatible extends SignalingException {
        public Incompatible(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
