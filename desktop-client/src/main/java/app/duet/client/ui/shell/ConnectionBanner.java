package app.duet.client.ui.shell;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import app.duet.client.signaling.ConnectionState;

/** A strip above every screen that says when the server is not reachable, with "Retry now". */
final class ConnectionBanner extends HBox {
    private final Label text = new Label();
    private final SessionState session;

    ConnectionBanner(SessionState session, Runnable retryNow) {
        this.session = session;
        getStyleClass().add("connection-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        text.setWrapText(true);
        text.setAccessibleRole(AccessibleRole.TEXT);
        Button retry = new Button("Retry now", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-connection");
        retry.setOnAction(e -> retryNow.run());
        // The sentence wraps; the button keeps its label whole.
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(new FontIcon(Feather.WIFI_OFF), text, retry);
        session.connectionProperty().addListener((obs, old, now) -> show(now, session.serverAddressProperty().get()));
        session.serverAddressProperty().addListener((obs, old, now) -> show(session.connectionProperty().get(), now));
        show(session.connectionProperty().get(), session.serverAddressProperty().get());
    }

    private void show(ConnectionState state, String server) {
        boolean visible = state == ConnectionState.OFFLINE || state == ConnectionState.RECONNECTING
                || state == ConnectionState.REFUSED;
        setVisible(visible);
        setManaged(visible);
        getStyleClass().removeAll("offline", "reconnecting");
        if (state == ConnectionState.REFUSED) {
            getStyleClass().add("offline");
            text.setText("The server at " + server + " turned Duet away: too many connections from your network. "
                    + "Close Duet on other devices or windows here, or ask the server's admin to raise the limit. "
                    + "Duet tries again in a few minutes.");
        } else if (state == ConnectionState.OFFLINE) {
            getStyleClass().add("offline");
            text.setText("Can't reach the server at " + server + ". Check the address (Settings) and your network; "
                    + "Duet keeps trying.");
        } else if (state == ConnectionState.RECONNECTING) {
            getStyleClass().add("reconnecting");
            text.setText("Connection to the server lost. Reconnecting…"
                    + (session.signedIn() ? " You stay signed in." : ""));
        }
        setAccessibleText(text.getText());
    }
}
