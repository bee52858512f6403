package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.Invites;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.client.ui.call.FilePicker;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account screen against the real server, with Bob as a signaling client in Ann's channel: a new name
 * reaches him at once, a wrong current password is explained, the export lands in the file picked, deleting
 * asks for the password and leaves Bob alone in the channel; and the sign-up form by registration mode.
 */
class AccountSelfServiceUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void aNewNameReachesTheOtherMemberAWrongCurrentPasswordIsExplainedAndTheExportHoldsOnlyAnnsData() throws Exception {
        TestServer server = rig.server();
        Path chosen = temp.resolve("my-duet-data.json");
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith", saveTo(chosen));
        UiRig.createChannel(ann, "tea");
        List<Event.DisplayNameChanged> bobSaw = new CopyOnWriteArrayList<>();
        SignalingClient bob = bobIn(server, "tea", bobSaw);

        ann.press("channels-user");
        ann.awaitScreen("Your account");
        assertThat(ann.text("account-username")).contains("ann");
        ann.type("account-display-name", "Ann Lee");
        ann.press("account-save-name");
        ann.awaitText("Others now see you as \"Ann Lee\".");
        await().atMost(Waits.UI).until(() -> bobSaw.stream().anyMatch(e -> e.user().displayName().equals("Ann Lee")));
        assertThat(bob.listChannels().get().channels().get(0).members()).extracting(MemberInfo::displayName)
                .contains("Ann Lee");

        ann.type("account-current-password", "not my password");
        ann.type("account-new-password", "a brand new password");
        ann.type("account-confirm-password", "a brand new password");
        ann.press("account-change-password");
        ann.awaitText("That is not your current password.");
        ann.type("account-current-password", UiRig.PASSWORD);
        ann.press("account-change-password");
        ann.awaitText("Your password is changed.");
        new Screenshots().shoot(ann, "40-account");

        ann.press("account-export");
        ann.awaitText("Your data is saved in " + chosen + ".");
        String json = Files.readString(chosen);
        assertThat(json).contains("\"email\": \"ann@example.org\"").contains("\"name\": \"tea\"").doesNotContain("bob");

        ann.press("account-back");
        ann.awaitScreen("Channels");
        assertThat(ann.text("channels-user")).isEqualTo("Ann Lee");
    }

    @Test
    void deletingAsksForThePasswordThenLeavesTheOtherMemberAlone() throws Exception {
        TestServer server = rig.server();
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");
        UiRig.createChannel(ann, "tea");
        SignalingClient bob = bobIn(server, "tea", new CopyOnWriteArrayList<>());

        ann.press("channels-user");
        ann.press("account-delete");
        assertThat(ann.has("account-delete-confirmation")).isTrue();
        assertThat(ann.focusedId()).isEqualTo("account-delete-password");
        ann.type("account-delete-password", "not my password");
        ann.press("account-delete-confirm");
        ann.awaitText("That is not your current password.");
        assertThat(ann.has("account-delete-confirmation")).isTrue();
        ann.type("account-delete-password", UiRig.PASSWORD);
        javafx.scene.control.ScrollPane page = ann.node("account-screen");
        ann.run(() -> page.setVvalue(1.0));
        new Screenshots().shoot(ann, "41-account-delete");
        ann.press("account-delete-confirm");

        ann.awaitScreen("Welcome");
        ann.awaitText("Your account is deleted.");
        await().atMost(Waits.UI).untilAsserted(() -> {
            Result.Channels left = bob.listChannels().get();
            assertThat(left.channels().get(0).owner()).isEqualTo("bob");
            assertThat(left.channels().get(0).members()).extracting(MemberInfo::username).containsExactly("bob");
        });
    }

    @Test
    void signUpAsksForAnInviteOrExplainsAClosedServer() {
        TestServer inviteOnly = rig.server("invite", s -> s.registration(RegistrationMode.INVITE));
        UiClient ann = rig.window(inviteOnly.uri(), "ann");
        ann.awaitText("Connected");
        ann.press("welcome-signup");
        ann.type("signup-username", "ann");
        ann.type("signup-email", "ann@example.org");
        ann.type("signup-password", UiRig.PASSWORD);
        ann.type("signup-confirm", UiRig.PASSWORD);
        ann.press("signup-submit");
        ann.awaitText("This server needs an invite to create an account.");
        ann.type("signup-invite", "inv_made-up");
        ann.press("signup-submit");
        ann.awaitText("That invite is not valid any more.");
        new Screenshots().shoot(ann, "42-signup-invite");
        ann.close();

        TestServer closed = rig.server("closed", s -> s.registration(RegistrationMode.CLOSED));
        UiClient cyd = rig.window(closed.uri(), "cyd");
        cyd.awaitText("Connected");
        cyd.press("welcome-signup");
        cyd.awaitText("This server does not take new accounts.");
        javafx.scene.Node inviteField = cyd.node("signup-invite");
        assertThat(UiClient.onFx(() -> inviteField.getParent().isVisible())).isFalse();
        assertThat(cyd.<javafx.scene.control.Button>node("signup-submit").isDisabled()).isTrue();
    }

    /**
     * Bob, signed up through his own signaling client, joins Ann's {@code channel} with her invite and notes the
     * renames he is told of.
     */
    private SignalingClient bobIn(TestServer server, String channel, List<Event.DisplayNameChanged> renames)
            throws Exception {
        SignalingClient bob = rig.signedUpClient(server.uri(), "bob");
        bob.addListener(new SignalingListener() {
            @Override
            public void onDisplayNameChanged(Event.DisplayNameChanged event) {
                renames.add(event);
            }
        });
        Invites.join(bob, server.uri(), "ann", UiRig.PASSWORD, channel);
        return bob;
    }

    /** Picks no file to send; saves to {@code file}, as a person who chose it in the save dialog. */
    private static FilePicker saveTo(Path file) {
        return new FilePicker() {
            @Override
            public Optional<Path> pick(Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> pickToSave(Window owner, String title, String fileName) {
                return Optional.of(file);
            }
        };
    }
}
