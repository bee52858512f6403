package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/** Where a call stands, as reported in {@link CallInfo}. */
public enum CallState {
    /** Rung, not yet answered. */
    @SerializedName("ringing") RINGING,
    /** Accepted; offer/answer/candidate may flow. */
    @SerializedName("active") ACTIVE
}
