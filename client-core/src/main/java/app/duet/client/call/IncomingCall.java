package app.duet.client.call;

import app.duet.protocol.Media;

/** Someone is ringing us. */
public record IncomingCall(String callId, String channel, String callerUsername, String callerDisplayName,
                           boolean video) {

    /** What the caller offered: accepting with it answers the call as offered. */
    public Media media() {
        return video ? Media.VIDEO : Media.AUDIO;
    }
}
