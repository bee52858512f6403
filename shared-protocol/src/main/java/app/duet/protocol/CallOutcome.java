package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/** How a call went, as call history records it; docs/protocol.md defines each precisely. */
public enum CallOutcome {
    /** The callee accepted; the call later ended by a hang-up, a member leaving, or the channel's deletion. */
    @SerializedName("answered") ANSWERED,
    /** The callee had no connection when the caller rang (the caller got PEER_OFFLINE). */
    @SerializedName("missed") MISSED,
    /** The callee declined. */
    @SerializedName("declined") DECLINED,
    /** The callee's devices rang for the whole ring timeout and nobody answered. */
    @SerializedName("no_answer") NO_ANSWER,
    /** The callee was in another call (the caller got PEER_BUSY). */
    @SerializedName("busy") BUSY,
    /** The ring stopped before an answer: the caller cancelled, left or deleted the channel, or the callee left. */
    @SerializedName("cancelled") CANCELLED,
    /** A connection was lost: the caller's while ringing, or a member's during the call beyond the grace period. */
    @SerializedName("disconnected") DISCONNECTED
}
