package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/** Why a call ended. */
public enum EndReason {
    /** A member hung up. */
    @SerializedName("hangup") HANGUP,
    /** The callee did not answer within the ring timeout. */
    @SerializedName("no_answer") NO_ANSWER,
    /** A member disconnected and did not come back within the grace period, or logged out. */
    @SerializedName("disconnected") DISCONNECTED,
    /** The channel was deleted by its owner. */
    @SerializedName("channel_deleted") CHANNEL_DELETED,
    /** A member left the channel. */
    @SerializedName("left_channel") LEFT_CHANNEL
}
