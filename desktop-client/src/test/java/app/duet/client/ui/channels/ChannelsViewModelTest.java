package app.duet.client.ui.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

import app.duet.client.signaling.SignalingException;
import app.duet.client.ui.common.UserMessage;
import app.duet.client.ui.fakes.FakeAccounts;
import app.duet.client.ui.fakes.FakeChannels;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.RecordingNavigator;
import app.duet.client.ui.shell.SessionState;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

class ChannelsViewModelTest {
    private static final MemberInfo ANN = new MemberInfo("ann", "Ann", true);
    private static final MemberInfo BOB = new MemberInfo("bob", "Bob", false);

    private final FakeChannels channels = new FakeChannels();
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeConnection connection = new FakeConnection("ws://duet.example:8686");
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final RecordingLauncher calls = new RecordingLauncher();
    private final ChannelsViewModel vm;

    ChannelsViewModelTest() {
        connection.signedInAlready(new UserInfo("ann", "Ann"));
        vm = new ChannelsViewModel(channels, channels, accounts, connection, new SessionState(connection, Runnable::run), navigator, calls,
                Runnable::run);
    }

    private static Result.Channel channel(String name, MemberInfo... members) {
        return new Result.Channel(new ChannelInfo(name, members[0].username(), List.of(members)));
    }

    private void listed(Result.Channel... shown) {
        vm.refresh();
        channels.sent.last().succeed(new Result.Channels(List.of(shown).stream().map(Result.Channel::channel).toList()));
    }

    @Test
    void refreshShowsTheChannelsAsTheSignedInUserSeesThem() {
        assertThat(vm.displayName()).isEqualTo("Ann");

        listed(channel("standup", ANN, BOB), channel("solo", ANN));

        assertThat(vm.channels()).extracting(ChannelRow::name).containsExactly("standup", "solo");
        assertThat(vm.channels().get(0).peer()).contains(BOB);
        assertThat(vm.channels().get(0).ownedByMe()).isTrue();
    }

    @Test
    void aFailedRefreshIsExplained() {
        vm.refresh();

        channels.sent.last().fail(new SignalingException.Timeout("no answer"));

        assertThat(vm.messageProperty().get())
                .isEqualTo(UserMessage.error("The server took too long to answer.", "It may be busy or your network slow. Try again."));
        assertThat(vm.channels()).isEmpty();
    }

    @Test
    void createsAChannelByItsLowerCaseNameAndPutsItFirst() {
        listed(channel("standup", ANN, BOB));
        vm.channelNameProperty().set("  Room-1 ");

        vm.create();

        assertThat(channels.sent.last().name()).isEqualTo("createChannel");
        assertThat(channels.sent.last().args()).containsExactly("room-1");
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canSubmitNameProperty().get()).isFalse();

        channels.sent.last().succeed(channel("room-1", ANN));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.channelNameProperty().get()).isEmpty();
        assertThat(vm.channels()).extracting(ChannelRow::name).containsExactly("room-1", "standup");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.success(
                "Channel \"room-1\" created. Invite the other person from its card."));
    }

    @Test
    void aNameThatCannotBeAChannelIsExplainedWithoutAskingTheServer() {
        vm.channelNameProperty().set("no spaces please");

        vm.join();

        assertThat(vm.messageProperty().get().text()).isEqualTo("\"no spaces please\" can't be a channel name.");
        assertThat(vm.messageProperty().get().hint()).startsWith("Use 1-48 characters");
        assertThat(channels.sent.names()).isEmpty();
    }

    @Test
    void needsANameAndOneRequestAtATime() {
        assertThat(vm.canSubmitNameProperty().get()).isFalse();
        vm.create();
        assertThat(channels.sent.names()).isEmpty();

        vm.channelNameProperty().set("standup");
        vm.join();
        vm.join();

        assertThat(channels.sent.names()).containsExactly("joinChannel");
    }

    @Test
    void joiningReplacesTheRowAndAFullChannelIsExplained() {
        listed(channel("standup", BOB));
        vm.channelNameProperty().set("standup");
        vm.join();
        channels.sent.last().succeed(channel("standup", BOB, ANN));

        assertThat(vm.channels()).hasSize(1);
        assertThat(vm.channels().get(0).peer()).contains(BOB);
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.success("You joined \"standup\"."));

        vm.channelNameProperty().set("busy");
        vm.join();
        channels.sent.last().fail(new SignalingException.ServerError(ErrorCode.CHANNEL_FULL, "full"));

        assertThat(vm.messageProperty().get().text()).isEqualTo("That channel is full: it already has two people.");
        assertThat(vm.messageProperty().get().hint()).startsWith("Duet channels are for two.");
        assertThat(vm.channelNameProperty().get()).as("kept to correct it").isEqualTo("busy");
    }

    @Test
    void leavingAndDeletingRemoveTheRowOnceTheServerAgrees() {
        listed(channel("standup", ANN, BOB), channel("solo", ANN));

        vm.leave(vm.channels().get(0));
        assertThat(vm.channels()).hasSize(2);
        channels.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(channels.sent.last().args()).containsExactly("standup");
        assertThat(vm.channels()).extracting(ChannelRow::name).containsExactly("solo");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.info("You left \"standup\"."));

        vm.delete(vm.channels().get(0));
        channels.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(channels.sent.names()).containsExactly("listChannels", "leaveChannel", "deleteChannel");
        assertThat(vm.channels()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.info("Channel \"solo\" deleted."));
    }

    @Test
    void onlyTheOwnerMayDelete() {
        listed(channel("theirs", BOB, ANN));

        vm.delete(vm.channels().get(0));
        channels.sent.last().fail(new SignalingException.ServerError(ErrorCode.NOT_OWNER, "not owner"));

        assertThat(vm.messageProperty().get().text()).isEqualTo("Only the channel's owner can do that.");
        assertThat(vm.channels()).hasSize(1);
    }

    @Test
    void presenceAndDeletionEventsKeepTheListCurrent() {
        listed(channel("standup", ANN, BOB), channel("solo", ANN));

        connection.fire(l -> l.onPresence(new Event.Presence("standup", new UserInfo("bob", "Bob"), PresenceState.ONLINE)));
        assertThat(vm.channels().get(0).peerOnline()).isTrue();

        connection.fire(l -> l.onPresence(new Event.Presence("solo", new UserInfo("cy", "Cy"), PresenceState.JOINED)));
        assertThat(vm.channels().get(1).peer()).contains(new MemberInfo("cy", "Cy", true));

        connection.fire(l -> l.onChannelDeleted(new Event.ChannelDeleted("standup")));
        assertThat(vm.channels()).extracting(ChannelRow::name).containsExactly("solo");
        assertThat(vm.messageProperty().get())
                .isEqualTo(UserMessage.info("The owner deleted the channel \"standup\"."));
    }

    @Test
    void signingInAgainRefreshesAndDisposeStopsListening() {
        connection.fire(l -> l.onSignedIn(FakeAccounts.auth("ann", "Ann"), true));
        assertThat(channels.sent.names()).containsExactly("listChannels");

        vm.dispose();

        assertThat(connection.listeners()).doesNotContain(vm);
    }

    @Test
    void callsTheOtherMemberOrSaysThatNobodyIsThereYet() {
        listed(channel("standup", ANN, BOB), channel("solo", ANN));

        vm.call(vm.channels().get(0), Media.AUDIO);
        vm.call(vm.channels().get(1), Media.VIDEO);

        assertThat(calls.placed).containsExactly("standup bob AUDIO");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.warning("Nobody else is in \"solo\" yet.",
                "Invite the other person from the channel's card."));
        assertThat(vm.callsReady().get()).isFalse();
    }

    @Test
    void logOutShowsTheWelcomeScreenWhenTheServerAnswersOrNot() {
        vm.logOut();
        assertThat(navigator.visits()).isEmpty();
        accounts.sent.only("logout").fail(new SignalingException.ConnectionLost("dropped"));
        assertThat(navigator.visits()).containsExactly("welcome");

        vm.settings();
        assertThat(navigator.visits()).containsExactly("welcome", "settings");
    }

    private static final class RecordingLauncher implements CallLauncher {
        final List<String> placed = new ArrayList<>();
        final SimpleBooleanProperty ready = new SimpleBooleanProperty(false);

        @Override
        public void call(String channel, MemberInfo peer, Media media) {
            placed.add(channel + " " + peer.username() + " " + media);
        }

        @Override
        public ObservableBooleanValue ready() {
            return ready;
        }
    }

    @Test
    void aPastedInviteLinkJoinsWithItsToken() {
        vm.channelNameProperty().set(" duet://duet.example:8686/join/standup?invite=Vq3xT9bLk2mZr7YpW4sHc8dN ");

        vm.join();

        assertThat(channels.sent.last().name()).isEqualTo("joinChannel");
        assertThat(channels.sent.last().args()).containsExactly("standup", "Vq3xT9bLk2mZr7YpW4sHc8dN");
        channels.sent.last().succeed(channel("standup", BOB, ANN));
        assertThat(vm.channels()).extracting(ChannelRow::name).containsExactly("standup");
        assertThat(vm.messageProperty().get()).isEqualTo(UserMessage.success("You joined \"standup\"."));
    }

    @Test
    void aLinkToAnotherServerIsExplainedWithoutAskingThisOne() {
        vm.channelNameProperty().set("duet://elsewhere.example/join/standup?invite=Vq3xT9bLk2mZr7YpW4sHc8dN");

        vm.join();

        assertThat(channels.sent.names()).isEmpty();
        assertThat(vm.messageProperty().get().text()).isEqualTo("That invite is for another server, elsewhere.example.");
    }

    @Test
    void aPrivateChannelOffersToAskItsOwnerWhoseAnswerIsShown() {
        vm.channelNameProperty().set("standup");
        vm.join();
        assertThat(vm.askableProperty().get()).isEmpty();
        channels.sent.last().fail(new SignalingException.ServerError(ErrorCode.CHANNEL_INVITE_REQUIRED, "private"));

        assertThat(vm.messageProperty().get().text()).isEqualTo("That channel is private.");
        assertThat(vm.askableProperty().get()).isEqualTo("standup");
        vm.askToJoin();
        assertThat(channels.sent.last().name()).isEqualTo("requestJoin");
        assertThat(channels.sent.last().args()).containsExactly("standup");
        assertThat(vm.askableProperty().get()).as("asked once").isEmpty();
        channels.sent.last().succeed(Result.Empty.INSTANCE);

        vm.onJoinAnswered(new Event.JoinAnswered("standup", true));
        assertThat(channels.sent.last().name()).as("the list is read again").isEqualTo("listChannels");
        assertThat(vm.messageProperty().get().text()).contains("let you into \"standup\"");
        vm.onJoinAnswered(new Event.JoinAnswered("standup", false));
        assertThat(vm.messageProperty().get().text()).isEqualTo("The owner of \"standup\" said no.");
    }

    @Test
    void beingRemovedTakesTheChannelAway() {
        listed(channel("standup", BOB, ANN));

        vm.onChannelRemoved(new Event.ChannelRemoved("standup"));

        assertThat(vm.channels()).isEmpty();
        assertThat(vm.messageProperty().get().text()).isEqualTo("The owner removed you from \"standup\".");
    }
}
