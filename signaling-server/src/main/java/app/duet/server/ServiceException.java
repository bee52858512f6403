package app.duet.server;

import app.duet.protocol.ErrorCode;

/** A request refused by a rule; becomes an {@code error} reply with this code and sentence. */
public final class ServiceException extends RuntimeException {
    private final ErrorCode code;

    public ServiceException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
