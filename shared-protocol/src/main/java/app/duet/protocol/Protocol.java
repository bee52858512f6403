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

    private Protocol() {
    }
}
