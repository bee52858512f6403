package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;

import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.InviteLink;

/**
 * Private channels in two real windows on a real server: the owner makes a link in "Invite…", the other pastes
 * it and joins; the owner removes them, the old link no longer works, they ask to join and the owner lets
 * them in; a revoked link leaves the list.
 */
class InviteUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void aLinkFromInviteLetsTheOtherInAndTheOwnerDecidesWhoStays() throws Exception {
        TestServer server = rig.server();
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");
        UiClient bob = rig.signedUp(server.uri(), "bob", "Bob Jones");
        UiRig.createChannel(ann, "room");

        ann.press("channel-invite-room");
        ann.node("invite-dialog");
        ann.awaitText("None. Create a link above.");
        ann.press("invite-create");
        ann.awaitText("Link ready.");
        TextField field = ann.node("invite-link");
        String link = UiClient.onFx(field::getText);
        assertThat(InviteLink.parse(link)).get().extracting(InviteLink::channel).isEqualTo("room");
        assertThat(ann.has("invite-qr")).isTrue();
        ann.press("invite-copy");
        ann.awaitText("Link copied.");
        assertThat(UiClient.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(link);
        ann.press("invite-close");
        await().atMost(Waits.UI).until(() -> !ann.has("invite-dialog"));

        bob.type("channel-name", "room");
        bob.press("channel-join");
        bob.awaitText("That channel is private.");
        bob.type("channel-name", link);
        bob.press("channel-join");
        bob.awaitText("You joined \"room\".");
        ann.awaitText("Bob Jones is online");

        menuItem(ann, "room", "channel-remove-room");
        bob.awaitText("The owner removed you from \"room\".");
        ann.awaitText("Waiting for someone to join");
        bob.type("channel-name", link);
        bob.press("channel-join");
        bob.awaitText("The owner removed you from that channel.");

        bob.press("channel-ask");
        bob.awaitText("You asked to join \"room\".");
        ann.awaitText("Bob Jones (bob) asks to join");
        ann.press("join-approve-room-bob");
        bob.awaitText("You're in: the owner let you into \"room\".");
        ann.awaitText("Bob Jones is online");
        assertThat(ann.visibleText()).doesNotContain("asks to join");

        ann.press("channel-invite-room");
        ann.press("invite-create");
        ann.awaitText("Link ready.");
        ann.awaitText("0 of 1 use");
        String id = UiClient.onFx(() -> ann.root().lookupAll("Button").stream()
                .map(javafx.scene.Node::getId).filter(i -> i != null && i.startsWith("invite-revoke-"))
                .findFirst().orElseThrow());
        ann.press(id);
        ann.awaitText("Invite revoked");
        ann.awaitText("None. Create a link above.");
    }

    /** Fires a menu item of a channel card's "More actions" menu, as choosing it does. */
    private static void menuItem(UiClient ui, String channel, String itemId) {
        MenuButton more = ui.node("channel-more-" + channel);
        ui.run(() -> more.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow().fire());
    }
}
