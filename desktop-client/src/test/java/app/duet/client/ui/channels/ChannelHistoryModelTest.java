package app.duet.client.ui.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.duet.client.ui.fakes.FakeConnection;
import app.duet.client.ui.fakes.FakeHistory;
import app.duet.protocol.CallOutcome;
import app.duet.protocol.Event;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Media;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

class ChannelHistoryModelTest {
    private static final UserInfo BOB = new UserInfo("bob", "Bob");
    private static final long T = 1_798_761_600_000L;

    private final FakeHistory history = new FakeHistory();
    private final FakeConnection connection = new FakeConnection("ws://duet.example:8686");

    private static HistoryEntry missed(String channel, Media media) {
        return new HistoryEntry("c-" + channel + media, channel, BOB, false, media, CallOutcome.NO_ANSWER, T, null, T + 45_000,
                true, true);
    }

    private ChannelHistoryModel model() {
        return new ChannelHistoryModel(history, connection, Runnable::run);
    }

    @Test
    void missedCallsKnownBeforeTheScreenOpenedAreCountedPerChannel() {
        history.missed = List.of(missed("room", Media.AUDIO), missed("room", Media.VIDEO), missed("other", Media.VIDEO));
        ChannelHistoryModel model = model();

        assertThat(model.missedIn("room")).isEqualTo(2);
        assertThat(model.missedIn("other")).isEqualTo(1);
        assertThat(model.missedIn("quiet")).isZero();
        assertThat(model.callBackMedia("room")).as("the latest missed call's media").isEqualTo(Media.AUDIO);
        assertThat(model.callBackMedia("quiet")).isEqualTo(Media.VIDEO);
    }

    @Test
    void anEventFromAnotherDeviceReplacesTheMissedCalls() {
        history.missed = List.of(missed("room", Media.AUDIO));
        ChannelHistoryModel model = model();

        connection.fire(l -> l.onMissedCalls(new Event.MissedCalls(List.of())));

        assertThat(model.missedIn("room")).isZero();
    }

    @Test
    void openingAChannelsHistoryLoadsItAndMarksItsMissedCallsSeen() {
        history.missed = List.of(missed("room", Media.AUDIO), missed("other", Media.VIDEO));
        ChannelHistoryModel model = model();

        model.toggle("room");

        assertThat(history.sent.names()).containsExactly("history", "markMissedSeen");
        assertThat(history.sent.all().get(0).args()).containsExactly("room", null, ChannelHistoryModel.PAGE);
        assertThat(model.missedIn("room")).isZero();
        assertThat(model.missedIn("other")).isEqualTo(1);
        history.sent.all().get(0).succeed(new Result.History(List.of(missed("room", Media.AUDIO)), null));
        assertThat(model.calls()).hasSize(1);
        assertThat(model.openChannelProperty().get()).isEqualTo("room");

        model.toggle("room");
        assertThat(model.calls()).isEmpty();
        assertThat(model.openChannelProperty().get()).isNull();
    }

    @Test
    void aFailedRequestIsShown() {
        ChannelHistoryModel model = model();

        model.clear("room");
        history.sent.last().fail(new app.duet.client.signaling.SignalingException.Timeout("history_clear"));

        assertThat(model.messageProperty().get()).isNotNull();
    }

    @Test
    void textsSayHowTheCallWentFromThisSide() {
        HistoryEntry talked = new HistoryEntry("c1", "room", BOB, true, Media.AUDIO, CallOutcome.ANSWERED, T, T + 5_000,
                T + 250_000, false, false);
        assertThat(HistoryTexts.outcome(talked)).isEqualTo("Outgoing audio call");
        assertThat(HistoryTexts.duration(talked)).isEqualTo("4:05");
        assertThat(HistoryTexts.outcome(missed("room", Media.VIDEO))).isEqualTo("Missed video call");
        assertThat(HistoryTexts.duration(missed("room", Media.VIDEO))).isEmpty();
        assertThat(HistoryTexts.when(talked, ZoneOffset.UTC)).isEqualTo("1 Jan, 00:00");
        assertThat(HistoryTexts.spoken(talked, ZoneOffset.UTC)).isEqualTo("Outgoing audio call to Bob, 1 Jan, 00:00, lasted 4:05");
    }
}
