package app.duet.server.store;

import static app.duet.server.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.duet.server.store.CallHistory.FinishedCall;
import app.duet.server.store.CallHistory.Query;
import app.duet.server.store.CallHistory.Row;
import app.duet.server.store.Channels.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CallHistory} must do. */
abstract class CallHistoryContract extends StoreContract {
    private CallHistory history() {
        return stores().callHistory();
    }

    private static FinishedCall call(String id, String channel, String caller, String callee, String outcome,
                                     Instant endedAt, boolean missed) {
        Instant answered = outcome.equals("answered") ? endedAt.minusSeconds(60) : null;
        return new FinishedCall(id, channel, caller, callee, "video", outcome, endedAt.minusSeconds(90), answered,
                endedAt, missed);
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(r -> r.call().callId()).toList();
    }

    private List<Row> all(String username) {
        return history().read(new Query(username, null, Long.MAX_VALUE, 100));
    }

    @BeforeEach
    void channels() {
        StoreFixtures.accounts(stores(), "ola", "pia", "quin");
        stores().channels().create("talk", "ola", T0, StoreFixtures.MAX_OWNED);
        stores().channels().addMember("talk", "pia", T0, StoreFixtures.MAX_MEMBERS);
        stores().channels().create("other", "quin", T0, StoreFixtures.MAX_OWNED);
        stores().channels().addMember("other", "pia", T0, StoreFixtures.MAX_MEMBERS);
    }

    @Test
    void aRecordedCallReadsBackWholeForBothMembersAndNobodyElse() {
        FinishedCall answered = call("c1", "talk", "ola", "pia", "answered", T0, false);
        FinishedCall missed = call("c2", "talk", "ola", "pia", "missed", T0.plusSeconds(5), true);
        history().record(answered);
        history().record(missed);

        List<Row> ola = all("ola");
        assertThat(ola).extracting(Row::call).containsExactly(missed, answered);
        assertThat(ola.get(0).caller()).isEqualTo(new Member("ola", "Name of ola"));
        assertThat(ola.get(0).callee()).isEqualTo(new Member("pia", "Name of pia"));
        assertThat(ids(all("pia"))).containsExactly("c2", "c1");
        assertThat(all("quin")).isEmpty();
    }

    @Test
    void pagesGoNewestFirstFromTheCursorAndFilterByChannel() {
        for (int i = 1; i <= 5; i++) {
            history().record(call("t" + i, "talk", "ola", "pia", "answered", T0.plusSeconds(i), false));
            history().record(call("o" + i, "other", "quin", "pia", "declined", T0.plusSeconds(i), false));
        }
        List<Row> first = history().read(new Query("pia", "talk", Long.MAX_VALUE, 2));
        List<Row> second = history().read(new Query("pia", "talk", first.get(1).seq(), 2));
        List<Row> last = history().read(new Query("pia", "talk", second.get(1).seq(), 2));

        assertThat(ids(first)).containsExactly("t5", "t4");
        assertThat(ids(second)).containsExactly("t3", "t2");
        assertThat(ids(last)).containsExactly("t1");
        assertThat(ids(history().read(new Query("pia", null, Long.MAX_VALUE, 3)))).containsExactly("o5", "t5", "o4");
    }

    @Test
    void unseenMissedCallsAreTheCalleesUntilMarkedSeen() {
        history().record(call("m1", "talk", "ola", "pia", "no_answer", T0, true));
        history().record(call("m2", "other", "quin", "pia", "missed", T0.plusSeconds(1), true));
        history().record(call("d1", "talk", "ola", "pia", "declined", T0.plusSeconds(2), false));

        assertThat(ids(history().unseenMissed("pia", null, 10))).containsExactly("m2", "m1");
        assertThat(ids(history().unseenMissed("pia", "talk", 10))).containsExactly("m1");
        assertThat(history().unseenMissed("ola", null, 10)).isEmpty();

        assertThat(history().markSeen("pia", "talk")).isEqualTo(1);
        assertThat(ids(history().unseenMissed("pia", null, 10))).containsExactly("m2");
        assertThat(all("pia")).filteredOn(r -> r.call().callId().equals("m1")).singleElement()
                .extracting(Row::seen).isEqualTo(true);
        assertThat(history().markSeen("pia", null)).isEqualTo(1);
        assertThat(history().unseenMissed("pia", null, 10)).isEmpty();
    }

    @Test
    void clearingHidesCallsFromThatMemberOnly() {
        history().record(call("c1", "talk", "ola", "pia", "answered", T0, false));
        history().record(call("c2", "other", "quin", "pia", "missed", T0, true));

        assertThat(history().clear("pia", "talk")).isEqualTo(1);
        assertThat(ids(all("pia"))).containsExactly("c2");
        assertThat(ids(all("ola"))).containsExactly("c1");

        history().clear("pia", null);
        assertThat(all("pia")).isEmpty();
        assertThat(history().unseenMissed("pia", null, 10)).isEmpty();
        assertThat(ids(all("quin"))).containsExactly("c2");
    }

    @Test
    void purgeDeletesWhatEndedBeforeTheCutoff() {
        history().record(call("old", "talk", "ola", "pia", "answered", T0, false));
        history().record(call("new", "talk", "ola", "pia", "answered", T0.plusSeconds(10), false));

        assertThat(history().purgeEndedBefore(T0.plusSeconds(10))).isEqualTo(1);

        assertThat(ids(all("ola"))).containsExactly("new");
    }

    @Test
    void deletingTheChannelDeletesItsHistory() {
        history().record(call("c1", "talk", "ola", "pia", "answered", T0, false));

        stores().channels().delete("talk");

        assertThat(all("ola")).isEmpty();
    }

    @Test
    void aCallNeedsItsChannelAndAccounts() {
        assertThatThrownBy(() -> history().record(call("c1", "gone", "ola", "pia", "answered", T0, false)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> history().record(call("c1", "talk", "nobody", "pia", "answered", T0, false)))
                .isInstanceOf(StoreException.class);
    }
}
