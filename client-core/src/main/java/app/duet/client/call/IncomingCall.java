package app.duet.client.call;

import app.duet.protocol.CallInfo;
import app.duet.protocol.Media;

/** Someone is ringing us. */
public record IncomingCall(String callId, String channel, String callerUsername, String callerDisplayName,
                           boolean video) {

    /** The ring a resume gave back ({@code call.state} ringing, we are not the caller). */
    public static IncomingCall ringing(CallInfo kept) {
        return new IncomingCall(kept.callId(), kept.channel(), kept.peer().username(), kept.peer().displayName(),
                kept.media() == Media.VIDEO);
    }

    /** What the caller offered: accepting with it answers the call as offered. */
    public Media media() {
        return video ? Media.VIDEO : Media.AUDIO;
    }
}
