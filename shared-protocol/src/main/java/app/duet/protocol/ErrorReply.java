package app.duet.protocol;

import java.util.Objects;

/**
 * The failure reply to the request with the same {@code id}; {@code id} is null when the request's id
 * could not be read (e.g. the frame was not JSON).
 */
public record ErrorReply(String id, ErrorCode code, String message) implements ServerMessage {
    public ErrorReply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static ErrorReply of(ProtocolException e) {
        return new ErrorReply(e.requestId(), e.code(), e.getMessage());
    }
}
