package app.duet.protocol;

import java.util.Objects;

/** A frame that breaks the protocol, with the code to answer it with and the request id when it was readable. */
public final class ProtocolException extends Exception {
    private final ErrorCode code;
    private final String requestId;

    public ProtocolException(ErrorCode code, String message, String requestId) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.requestId = requestId;
    }

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The id of the offending request, or null when it could not be read. */
    public String requestId() {
        return requestId;
    }

    /** The same problem attributed to a request id. */
    ProtocolException withRequestId(String id) {
        return id == null || id.equals(requestId) ? this : new ProtocolException(code, getMessage(), id);
    }
}
