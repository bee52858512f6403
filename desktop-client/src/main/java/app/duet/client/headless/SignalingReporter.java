package app.duet.client.headless;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.Event;
import app.duet.protocol.Result;

/** Reports the signaling connection, sign-ins (including resumes after a reconnect) and presence. */
final class SignalingReporter implements SignalingListener {

    private final JsonLines out;
    private final PeerPresence presence;

    SignalingReporter(JsonLines out, PeerPresence presence) {
        this.out = out;
        this.presence = presence;
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        out.emit("signaling", line -> line.addProperty("state", state.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        out.emit("session", line -> {
            line.addProperty("user", auth.user().username());
            line.addProperty("resumed", resumed);
            line.addProperty("callKept", auth.call() != null);
        });
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        out.emit("signed_out", line -> line.addProperty("reason", reason.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void onPresence(Event.Presence event) {
        presence.update(event);
        out.emit("presence", line -> {
            line.addProperty("channel", event.channel());
            line.addProperty("user", event.user().username());
            line.addProperty("state", event.state().name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Override
    public void onServerShutdown(Event.ServerShutdown event) {
        out.emit("server_shutdown", line -> line.addProperty("reconnectAfterMs", event.reconnectAfterMs()));
    }
}
