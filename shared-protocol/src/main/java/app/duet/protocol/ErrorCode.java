package app.duet.protocol;

/** Stable error codes sent in {@code error} replies. Clients act on the code, people read the message. */
public enum ErrorCode {
    /** The frame is not one JSON object. */
    BAD_JSON,
    /** The frame's {@code type} is missing or not a type this side accepts. */
    UNKNOWN_TYPE,
    /** A field is missing, of the wrong kind, too long or badly formatted. */
    INVALID_FIELD,
    /** The frame is larger than {@link Protocol#MAX_FRAME_BYTES}. */
    MESSAGE_TOO_LARGE,
    /** The client's {@code protocolVersion} is not {@link Protocol#PROTOCOL_VERSION}. */
    UNSUPPORTED_VERSION,
    /** The first request on a connection must be {@code hello}. */
    HELLO_REQUIRED,
    NOT_AUTHENTICATED,
    ALREADY_AUTHENTICATED,
    /** Too many frames in a short time; slow down. */
    RATE_LIMITED,
    WRONG_CREDENTIALS,
    /** Too many failed password attempts (login, change_password) for this account or address; try again later. */
    LOGIN_THROTTLED,
    USERNAME_TAKEN,
    EMAIL_TAKEN,
    WEAK_PASSWORD,
    /** Sign-up is closed on this server: only its admin creates accounts. */
    REGISTRATION_CLOSED,
    /** Sign-up on this server needs a registration invite from its admin ({@code invite} in signup). */
    INVITE_REQUIRED,
    /** The registration invite is unknown, used up, expired or revoked; or the channel invite is unknown. */
    INVITE_INVALID,
    /** Joining a channel you are not a member of needs an invite from its owner (or a join request). */
    CHANNEL_INVITE_REQUIRED,
    /** The channel invite's time is up; ask the owner for a new one. */
    INVITE_EXPIRED,
    /** The owner revoked the channel invite. */
    INVITE_REVOKED,
    /** The channel invite was used as many times as it allows. */
    INVITE_USED_UP,
    /** The owner locked the channel: nobody joins it, with or without an invite. */
    CHANNEL_LOCKED,
    /** The owner removed you from this channel; only the owner's approval of a join request lets you back. */
    REMOVED_FROM_CHANNEL,
    /** The account was disabled by the server's admin; login and resume are refused until it is enabled. */
    ACCOUNT_DISABLED,
    SESSION_EXPIRED,
    INVALID_RESET_CODE,
    /**
     * The account's e-mail address is not verified yet (servers with e-mail verification): signup and login
     * answer so; the next step is {@code email_verify} with the code mailed to it.
     */
    EMAIL_UNVERIFIED,
    /** The verification code is wrong, expired, used or spent by wrong tries; the message says which. */
    INVALID_VERIFICATION_CODE,
    /** The server could not hand the mail to its SMTP relay; nothing was stored. Try again later. */
    EMAIL_NOT_SENT,
    CHANNEL_EXISTS,
    CHANNEL_NOT_FOUND,
    CHANNEL_FULL,
    NOT_A_MEMBER,
    NOT_OWNER,
    PEER_OFFLINE,
    PEER_BUSY,
    CALL_NOT_FOUND,
    /** A per-user limit was reached (e.g. channels owned); the message says which. */
    LIMIT_REACHED,
    /** The request does not fit the current state (e.g. accepting a call that was already answered). */
    WRONG_STATE,
    /**
     * The server cannot write its database (disk full, read-only or failing); what needs no write still
     * works. Retry later; the server recovers by itself when the storage does.
     */
    STORAGE_UNAVAILABLE,
    /** A fault on the server; the request may be retried. */
    INTERNAL
}
