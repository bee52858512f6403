package app.duet.client.ui;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.testing.HostileServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.PresenceState;
import app.duet.protocol.UserInfo;

/** The app's window on a {@link HostileServer} that floods it and then stalls: it answers throughout and says why. */
class HostileServerUiTest {

    private static final String LOST = "Connection to the server lost. Reconnecting…";

    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void a_flood_then_a_stall_show_the_banner_and_the_window_keeps_answering() {
        HostileServer server = rig.closeLater(HostileServer.listen());
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");
        UserInfo peer = new UserInfo(HostileServer.PEER, "Mallory");
        for (int i = 0; i < 2000; i++) {
            server.send(new Event.Presence(HostileServer.CHANNEL, peer, i % 2 == 0 ? PresenceState.OFFLINE
                    : PresenceState.ONLINE));
            server.send(new Event.CallEnded("flood-" + i, EndReason.HANGUP));
            server.sendRaw("{not json");
        }
        ann.awaitScreen("Channels"); // each check runs on the FX thread: it answers during the flood

        server.stall();

        // Noticed from the missing pongs at the server's 5 s heartbeat, which the client takes on (the bound is
        // loose: the window, not the timing, is what this test is about).
        await().atMost(Waits.RECONNECT).until(() -> ann.visibleText().contains(LOST));
        ann.awaitText("You stay signed in.");
        server.recover();
        await().atMost(Waits.RECONNECT).until(() -> !ann.visibleText().contains(LOST));
        ann.awaitScreen("Channels");
    }
}
