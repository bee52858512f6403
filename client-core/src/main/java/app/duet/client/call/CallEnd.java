package app.duet.client.call;

/** Why a call (or a ring) finished, from this user's point of view. */
public enum CallEnd {
    /** We hung up, cancelled our ring or declined. */
    LOCAL_HANGUP,
    /** The other person hung up. */
    REMOTE_HANGUP,
    /** The other person declined our ring. */
    DECLINED,
    /** The caller gave up before we answered. */
    CANCELLED,
    /** We answered (or declined) the ring on another device signed in as us. */
    ANSWERED_ELSEWHERE,
    /** Nobody answered in time. */
    NO_ANSWER,
    /** The other person lost their connection and did not come back. */
    DISCONNECTED,
    /** The channel was deleted or left. */
    CHANNEL_GONE,
    /** The call could not be set up (see the problem message). */
    FAILED
}
