package app.duet.client.ui.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ClientSettings;
import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeChannels;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.ManualExecutor;
import app.duet.client.ui.fakes.TestPreferences;
import app.duet.client.ui.shell.ServerSwitch;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.InviteLink;
import app.duet.protocol.Result;
import app.duet.protocol.SessionInfo;
import app.duet.protocol.UserInfo;

class LinkOpenerTest {
    private static final String TOKEN = "Qm8d2LxV7pT0cRw3aZk9YbN";
    private static final UserInfo ANN = new UserInfo("ann", "Ann");
    private static final Result.Auth AUTH = new Result.Auth(new SessionInfo("t", null), ANN, null);
    private static final String LINK = "duet://duet.example.org/join/tea?invite=" + TOKEN;

    @TempDir
    Path config;
    private final FakeChannels channels = new FakeChannels();
    private final Screens screens = new Screens();
    private FakeConnection connection;
    private boolean holdsSession;
    private Preferences preferences;

    private LinkOpener openerOn(String server) {
        return openerOn(server, null);
    }

    /** {@code user} not null: signed in already, as after a sign-in or a resumed session. */
    private LinkOpener openerOn(String server, UserInfo user) {
        connection = new FakeConnection(server);
        connection.signedInAlready(user);
        holdsSession = holdsSession || user != null;
        SessionState session = new SessionState(connection, Runnable::run);
        preferences = TestPreferences.in(config, ClientSettings.defaults(server), new ManualExecutor());
        return new LinkOpener(channels, connection, () -> holdsSession, session,
                new ServerSwitch(connection, preferences, session), screens, Runnable::run);
    }

    @BeforeEach
    void signedOut() {
        holdsSession = false;
    }

    @Test
    void signedOutTheAppMovesToTheLinksServerAndJoinsWithTheInviteAfterSignIn() {
        LinkOpener opener = openerOn("ws://127.0.0.1:8686");

        opener.open(LINK);

        assertThat(connection.serverUri()).isEqualTo(URI.create("wss://duet.example.org"));
        assertThat(preferences.get().serverUri()).isEqualTo("wss://duet.example.org");
        assertThat(screens.shown).containsExactly("sign in for tea");
        assertThat(channels.sent.all()).isEmpty();

        connection.fire(l -> l.onSignedIn(AUTH, false));

        assertThat(channels.sent.only("joinChannel").args()).containsExactly("tea", TOKEN);
        channels.sent.last().succeed(null);
        assertThat(screens.shown).containsExactly("sign in for tea", "joined tea: You joined \"tea\".");
    }

    @Test
    void signedInToTheLinksServerItJoinsAtOnce() {
        LinkOpener opener = openerOn("wss://duet.example.org:443", ANN);

        opener.open(LINK);

        assertThat(channels.sent.only("joinChannel").args()).containsExactly("tea", TOKEN);
        assertThat(connection.serverUri()).isEqualTo(URI.create("wss://duet.example.org:443"));
    }

    @Test
    void aRememberedSessionOnTheLinksServerIsWaitedFor() {
        holdsSession = true;
        LinkOpener opener = openerOn("wss://duet.example.org");

        opener.open(LINK);
        assertThat(channels.sent.all()).isEmpty();
        assertThat(screens.shown).isEmpty();

        connection.fire(l -> l.onSignedIn(AUTH, true));
        assertThat(channels.sent.only("joinChannel").args()).containsExactly("tea", TOKEN);
    }

    @Test
    void signedInElsewhereItAsksAndSwitchesOnlyOnYes() {
        holdsSession = true;
        LinkOpener opener = openerOn("wss://other.example.org");

        opener.open(LINK);

        assertThat(screens.shown).containsExactly("ask: duet.example.org or wss://other.example.org");
        assertThat(connection.serverUri()).isEqualTo(URI.create("wss://other.example.org"));
        screens.onSwitch.run();
        assertThat(connection.serverUri()).isEqualTo(URI.create("wss://duet.example.org"));
        assertThat(screens.shown).endsWith("sign in for tea");
    }

    @Test
    void aBadLinkAndARefusedInviteAreExplained() {
        LinkOpener opener = openerOn("wss://duet.example.org");

        opener.open("duet://duet.example.org/join/tea");
        assertThat(screens.problems).extracting(UserMessage::text).containsExactly("That is not a Duet invite link.");
        assertThat(connection.serverUri()).isEqualTo(URI.create("wss://duet.example.org"));

        opener = openerOn("wss://duet.example.org", ANN);
        opener.open(LINK);
        channels.sent.last().fail(new SignalingException.ServerError(ErrorCode.INVITE_INVALID, "no"));

        UserMessage refused = screens.problems.get(1);
        assertThat(refused.text()).startsWith("Couldn't join \"tea\" with this link.");
        assertThat(refused.hint()).isEqualTo("Ask the person who sent it for a new link.");
    }

    /** Records what the opener showed. */
    private static final class Screens implements LinkScreens {
        final List<String> shown = new ArrayList<>();
        final List<UserMessage> problems = new ArrayList<>();
        Runnable onSwitch;

        @Override
        public void signInFor(InviteLink link) {
            shown.add("sign in for " + link.channel());
        }

        @Override
        public void joined(String channel, UserMessage message) {
            shown.add("joined " + channel + ": " + message.text());
        }

        @Override
        public void linkProblem(UserMessage problem) {
            problems.add(problem);
        }

        @Override
        public void askToSwitch(InviteLink link, URI current, Runnable onSwitch) {
            shown.add("ask: " + link.host() + " or " + current);
            this.onSwitch = onSwitch;
        }
    }
}
