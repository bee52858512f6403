package app.duet.bench.duet;

import app.duet.protocol.ErrorCode;

/** The server answered a request with an error reply. */
public final class ServerErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ServerErrorException(ErrorCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
