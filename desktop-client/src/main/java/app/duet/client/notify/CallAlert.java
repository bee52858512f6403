package app.duet.client.notify;

/** What a notification about an incoming call says: who calls, in which channel, with or without video. */
public record CallAlert(String callId, String callerName, String channel, boolean video) {

    public String summary() {
        return callerName + " is calling";
    }

    public String body() {
        return (video ? "Video call" : "Audio call") + " in " + channel;
    }
}
