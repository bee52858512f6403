package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/** What changed about a channel member. */
public enum PresenceState {
    /** The user became a member of the channel. */
    @SerializedName("joined") JOINED,
    /** The user stopped being a member of the channel. */
    @SerializedName("left") LEFT,
    /** The member connected (their first authenticated connection). */
    @SerializedName("online") ONLINE,
    /** The member's last connection closed. */
    @SerializedName("offline") OFFLINE
}
