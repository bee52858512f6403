package app.duet.client.call;

/** Someone is ringing us. */
public record IncomingCall(String callId, String channel, String callerUsername, String callerDisplayName,
                           boolean video) {
}
