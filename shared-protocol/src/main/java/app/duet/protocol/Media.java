package app.duet.protocol;

import com.google.gson.annotations.SerializedName;

/** What a call starts with. A video call may later share the screen instead of the camera. */
public enum Media {
    @SerializedName("audio") AUDIO,
    @SerializedName("video") VIDEO
}
