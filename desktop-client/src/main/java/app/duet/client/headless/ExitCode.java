package app.duet.client.headless;

import app.duet.client.call.CallEnd;

/** The headless client's process exit codes; scripts and tests act on these (documented in docs/headless.md). */
public enum ExitCode {
    /** The run did what was asked: the call lasted its duration or the far side hung up after it connected. */
    OK(0, "ok"),
    /** An unexpected fault (see the log on stderr). */
    ERROR(1, "error"),
    /** Bad flags. */
    USAGE(2, "usage"),
    /** The signaling server could not be reached or did not answer. */
    SERVER_UNREACHABLE(3, "server_unreachable"),
    /** Login or signup refused (wrong password, throttled, name taken, weak password). */
    LOGIN_FAILED(4, "login_failed"),
    /** The channel could not be created or joined (full, not allowed). */
    CHANNEL_FAILED(5, "channel_failed"),
    /** The other member did not come online in time to be called. */
    PEER_ABSENT(6, "peer_absent"),
    /** The call was accepted but media never connected, or the engine failed. */
    CALL_FAILED(7, "call_failed"),
    /** The callee declined (or hung up while it was ringing). */
    DECLINED(8, "declined"),
    /** Nobody answered before the server's ring timeout. */
    NO_ANSWER(9, "no_answer"),
    /** The callee is in another call. */
    BUSY(10, "busy"),
    /** A connected call ended because the other side disconnected or the channel went away. */
    CALL_LOST(11, "call_lost"),
    /** Waiting to be called (--answer) and no call came in time. */
    NO_CALL(12, "no_call"),
    /** Everything was closed but threads kept the JVM alive (a native object leaked). */
    LEFTOVER_THREADS(13, "leftover_threads");

    private final int code;
    private final String label;

    ExitCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name used in the final JSON line. */
    public String label() {
        return label;
    }

    /** How a call that ended {@code how} ends the run of a caller or answerer. */
    static ExitCode afterCall(CallEnd how, boolean wasAccepted, boolean wasConnected) {
        return switch (how) {
            case LOCAL_HANGUP -> wasConnected ? OK : CALL_FAILED;
            // After an accept, a hang-up before media connected is the far side giving up on set-up.
            case REMOTE_HANGUP -> wasConnected ? OK : wasAccepted ? CALL_FAILED : DECLINED;
            case DECLINED -> DECLINED;
            case NO_ANSWER -> NO_ANSWER;
            case CANCELLED, ANSWERED_ELSEWHERE -> NO_CALL;
            case DISCONNECTED, CHANNEL_GONE -> CALL_LOST;
            case FAILED -> CALL_FAILED;
        };
    }
}
