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
                    "Type the server's name as its admin gave it, e.g. duet.example.org or duet.example.org:8686 "
                            + "(a full ws:// or wss:// address works too)."));
        }
        switchTo(uri.get());
        return Optional.empty();
    }

    /** Switches to {@code uri} unless the app is there already (the session would be dropped for nothing). */
    public void switchTo(URI uri) {
        if (ServerAddress.sameServer(uri, connection.serverUri())) {
            return;
        }
        connection.changeServer(uri);
        preferences.update(s -> s.withServerUri(uri.toString()));
        session.serverChanged();
    }
}
