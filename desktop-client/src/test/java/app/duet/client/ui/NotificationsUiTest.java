package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Rectangle;
import java.awt.Toolkit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.control.CheckBox;

import app.duet.client.call.CallEnd;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.model.CallState;
import app.duet.client.testing.DesktopSession;
import app.duet.client.testing.DesktopSessionExtension;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.client.ui.call.FilePicker;

/**
 * Bob's window in a desktop session with a real session D-Bus and a real notification daemon (dunst): Carol's
 * ring shows a notification with Accept, Accept audio only and Decline, read back from dunst; choosing an
 * action in dunst answers the call; a ring that ends otherwise takes its notification away. Do not disturb
 * leaves the ring unrung.
 */
@ExtendWith(DesktopSessionExtension.class)
class NotificationsUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;
    private UiClient bob;
    private CallEngine carol;
    private final List<CallEnd> carolEnds = new CopyOnWriteArrayList<>();

    @BeforeEach
    void bobAndCarolShareARoom(DesktopSession daemon, TestInfo test) throws Exception {
        // Do not disturb's ring is watched until it runs out: a short one. The others are answered or ended.
        Duration ring = test.getTestMethod().orElseThrow().getName().startsWith("doNotDisturb")
                ? Duration.ofSeconds(4) : Duration.ofSeconds(45);
        server = rig.server(s -> s.ringTimeout(ring));
        bob = rig.closeLater(UiClient.start(server.uri(), temp.resolve("bob"), 960, 680, FilePicker.chooser(),
                daemon.env()));
        UiRig.signUp(bob, "bob", "Bob Jones");
        UiRig.createChannel(bob, "room");
        carol = rig.engineInChannel(server.uri(), "carol", "bob", "room", new CallEngineListener() {
            @Override
            public void callEnded(String callId, CallEnd how) {
                carolEnds.add(how);
            }
        });
        bob.awaitText("carol is online");
    }

    @Test
    void aRingIsNotifiedWithItsThreeAnswersAndAcceptThereConnects(DesktopSession daemon) throws Exception {
        carol.ring("room", true).get();
        bob.node("incoming-overlay");
        await().atMost(Waits.UI).until(daemon::shown, n -> n == 1);

        List<String> actions = daemon.actions();
        assertThat(actions).anyMatch(a -> a.startsWith("#Accept (carol is calling) ["))
                .anyMatch(a -> a.startsWith("#Accept audio only (carol is calling) ["))
                .anyMatch(a -> a.startsWith("#Decline (carol is calling) ["));
        // dunst's popup, top right (its dunstrc: 420 px wide, 24 px from the right edge, 48 from the top).
        int right = Toolkit.getDefaultToolkit().getScreenSize().width;
        new Screenshots().screen("30-call-notification", new Rectangle(right - 420 - 24 - 40, 48 - 16, 420 + 56, 130));
        daemon.choose("Accept");

        bob.awaitScreen("Call with carol");
        await().atMost(Waits.UI).until(() -> carol.state() == CallState.CONNECTED);
        await().atMost(Waits.UI).until(() -> daemon.shown() == 0);
        assertThat(bob.has("incoming-overlay")).isFalse();
        bob.press("call-hangup");
        bob.awaitScreen("Channels");
    }

    @Test
    void declineThereDeclines(DesktopSession daemon) throws Exception {
        carol.ring("room", false).get();
        await().atMost(Waits.UI).until(daemon::shown, n -> n == 1);
        assertThat(daemon.actions()).noneMatch(a -> a.startsWith("#Accept audio only"));

        daemon.choose("Decline");

        await().atMost(Waits.UI).until(() -> carolEnds.contains(CallEnd.DECLINED));
        await().atMost(Waits.UI).until(() -> !bob.has("incoming-overlay") && daemon.shown() == 0);
        bob.awaitRing(null);
    }

    @Test
    void aCancelledRingTakesItsNotificationAway(DesktopSession daemon) throws Exception {
        carol.ring("room", true).get();
        await().atMost(Waits.UI).until(daemon::shown, n -> n == 1);

        carol.hangup();

        await().atMost(Waits.UI).until(() -> daemon.shown() == 0);
        await().atMost(Waits.UI).until(() -> !bob.has("incoming-overlay"));
    }

    @Test
    void doNotDisturbLeavesTheRingToRunOut(DesktopSession daemon) throws Exception {
        bob.press("open-settings");
        CheckBox doNotDisturb = bob.node("settings-do-not-disturb");
        System.gc(); // the box reaches its model through a weak binding: the screen must hold the model
        bob.run(() -> doNotDisturb.setSelected(true));
        assertThat(bob.app().preferences().get().desktop().doNotDisturb()).as("saved").isTrue();

        carol.ring("room", true).get();

        // Watched for the ring's whole life (4 s): a dialog, a ring tone or a notification would last that long.
        AtomicBoolean rung = new AtomicBoolean();
        await().atMost(Waits.UI).pollInterval(Duration.ofMillis(100)).until(() -> {
            rung.compareAndSet(false, bob.has("incoming-overlay") || bob.ringTone().playing().isPresent()
                    || daemon.shown() > 0);
            return carolEnds.contains(CallEnd.NO_ANSWER);
        });
        assertThat(rung).as("rung while do not disturb was on").isFalse();
    }
}
