package app.duet.client.ui.shell;

import java.net.URI;
import java.util.Optional;

import app.duet.client.config.ServerAddress;
import app.duet.client.signaling.ServerConnection;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;

/** Points the app at another signaling server and remembers the choice. */
public final class ServerSwitch {
    private final ServerConnection connection;
    private final Preferences preferences;
    private final SessionState session;

    public ServerSwitch(ServerConnection connection, Preferences preferences, SessionState session) {
        this.connection = connection;
        this.preferences = preferences;
        this.session = session;
    }

    /** Switches to the typed address; returns a message when it is not an address. */
    public Optional<UserMessage> switchTo(String typed) {
        Optional<URI> uri = ServerAddress.parse(typed);
        if (uri.isEmpty()) {
            return Optional.of(UserMessage.error("\"" + typed + "\" is not a server address.",
                    "Use ws://host:port (or wss://host for a server with TLS), e.g. " + ServerAddress.DEFAULT + "."));
        }
        connection.changeServer(uri.get());
        preferences.update(s -> s.withServerUri(uri.get().toString()));
        session.serverChanged();
        return Optional.empty();
    }
}
