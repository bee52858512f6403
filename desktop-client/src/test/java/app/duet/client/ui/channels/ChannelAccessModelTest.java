package app.duet.client.ui.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import javafx.beans.InvalidationListener;

import app.duet.client.ui.fakes.FakeChannels;
import app.duet.client.ui.fakes.FakeConnection;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

class ChannelAccessModelTest {
    private static final UserInfo CARL = new UserInfo("carl", "Carl");
    private final FakeChannels access = new FakeChannels();
    private final List<String> relisted = new ArrayList<>();
    private final ChannelAccessModel model = new ChannelAccessModel(access, new FakeConnection("ws://duet.example:8686"),
            () -> relisted.add("list"), Runnable::run);

    private static ChannelRow owned(String name, MemberInfo... members) {
        return new ChannelRow(name, "ann", List.of(members), "ann", false);
    }

    @Test
    void waitingRequestsAreReadOnceAndEventsAddToThemAndTheViewHearsOfIt() {
        List<Object> heard = new ArrayList<>();
        InvalidationListener listener = o -> heard.add(o);
        model.requests().addListener(listener);
        System.gc(); // the listener must survive: the view keeps it for the screen's life

        model.load(List.of(owned("room", new MemberInfo("ann", "Ann", true)),
                new ChannelRow("theirs", "bob", List.of(), "ann", false)));
        model.load(List.of(owned("room", new MemberInfo("ann", "Ann", true))));
        assertThat(access.sent.names()).containsExactly("joinRequests");
        access.sent.last().succeed(new Result.JoinRequests(List.of(CARL)));
        model.onJoinRequested(new Event.JoinRequested("room", new UserInfo("dora", "Dora")));
        model.onJoinRequested(new Event.JoinRequested("room", CARL));

        assertThat(model.requests().get("room")).extracting(UserInfo::username).containsExactly("carl", "dora");
        assertThat(heard).isNotEmpty();
    }

    @Test
    void anAnswerTakesTheRequestAwayAndALockReadsTheListAgain() {
        model.onJoinRequested(new Event.JoinRequested("room", CARL));

        model.answer("room", CARL, true);
        assertThat(access.sent.last().args()).containsExactly("room", "carl", true);
        access.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(model.requests()).isEmpty();
        assertThat(model.messageProperty().get().text()).isEqualTo("Carl is in \"room\" now.");

        model.lock(owned("room"), true);
        assertThat(access.sent.last().args()).containsExactly("room", true);
        access.sent.last().succeed(Result.Empty.INSTANCE);
        assertThat(relisted).containsExactly("list");
    }
}
