package app.duet.protocol;

/** Constants both sides agree on. Field limits are checked by {@link ProtocolCodec} when decoding. */
public final class Protocol {
    /** The version a client announces in {@code hello}; the server refuses any other. */
    public static final int PROTOCOL_VERSION = 1;
    /** Largest text frame accepted, in UTF-8 bytes. A video offer SDP is 4-10 KB; this leaves room. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Longest request id a client may choose. */
    public static final int MAX_ID_LENGTH = 64;
    /** Default limit for a string field that has no limit of its own. */
    public static final int MAX_STRING_LENGTH = 256;
    public static final int MAX_DISPLAY_NAME_LENGTH = 64;
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Passwords are pre-hashed before bcrypt, so long ones lose nothing; this only bounds the work. */
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_SDP_LENGTH = 48 * 1024;
    public static final int MAX_CANDIDATE_LENGTH = 1024;
    public static final int MAX_TOKEN_LENGTH = 128;
    /** Most calls in one history page, and in one missed_calls event. */
    public static final int MAX_HISTORY_PAGE = 100;
    /**
     * Most calls and most sessions in an account_export: the newest ones, so the reply stays well inside
     * {@link #MAX_FRAME_BYTES} (a call is at most about 250 bytes, a session about 70).
     */
    public static final int MAX_EXPORT_CALLS = 100;
    public static final int MAX_EXPORT_SESSIONS = 100;
    /** A channel invite's uses: 1 (single-use, the default) up to this. */
    public static final int MAX_INVITE_USES = 100;
    /** How long a channel invite lasts unless the owner says otherwise: 7 days. */
    public static final long DEFAULT_INVITE_SECONDS = 7 * 24 * 3600L;
    /** The longest a channel invite may last: 30 days. */
    public static final long MAX_INVITE_SECONDS = 30 * 24 * 3600L;
    /** WebSocket close code: the connection's session was logged out or revoked elsewhere; log in again. */
    public static final int CLOSE_SESSION_REVOKED = 4001;
    /**
     * WebSocket close code: the server's admin disabled or deleted the account; its sessions are gone. Do not
     * reconnect on your own: tell the user (a login answers {@link ErrorCode#ACCOUNT_DISABLED} while disabled).
     */
    public static final int CLOSE_ACCOUNT_CLOSED = 4003;
    /**
     * WebSocket close code: the connection did not authenticate (hello, then signup, login or resume) within
     * the server's deadline after it opened or after its session ended. Reconnect when the user acts.
     */
    public static final int CLOSE_AUTH_TIMEOUT = 4002;
    /**
     * WebSocket close code: the client's address has the server's maximum of open connections; sent right
     * after an {@code error} with {@link ErrorCode#RATE_LIMITED}. Reconnect later, with back-off.
     */
    public static final int CLOSE_TOO_MANY_CONNECTIONS = 4029;
    /**
     * Close code the server records when it drops a client that stopped reading (its unsent frames passed the
     * server's outbound buffer limit). The client itself sees the connection end (1006): a close frame would
     * wait behind what it did not read. Reconnect and resume.
     */
    public static final int CLOSE_NOT_READING = 4008;

    private Protocol() {
    }
}
