package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.CallOutcome;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.HistoryEntry;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Call history on the real server and SQLite: missed calls at sign-in, one state per user, who may read what. */
@ExtendWith(NoLeakedThreads.class)
class HistoryIntegrationTest {
    private static final AtomicInteger TESTS = new AtomicInteger();
    @TempDir
    static Path dataDir;
    static DuetServer server;
    /** Each test's own people and channel on the shared server. */
    String annName;
    String bobName;
    String catName;
    String room;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void names() {
        int n = TESTS.incrementAndGet();
        annName = "ann" + n;
        bobName = "bob" + n;
        catName = "cat" + n;
        room = "room" + n;
    }

    private TestClient signup(String name) throws InterruptedException {
        TestClient c = TestClient.hello(server);
        c.ok(new Request.Signup(c.nextId(), name, "User " + name, name + "@example.org", "password-" + name));
        return c;
    }

    private TestClient login(String name) throws InterruptedException {
        TestClient c = TestClient.hello(server);
        c.ok(new Request.Login(c.nextId(), name, "password-" + name));
        return c;
    }

    /** Ann and Bob share room; Bob is offline when Ann rings, so the call is missed. */
    private void missedWhileBobOffline() throws InterruptedException {
        try (TestClient ann = signup(annName); TestClient bob = signup(bobName)) {
            ann.ok(new Request.ChannelCreate(ann.nextId(), room));
            bob.joinInvitedBy(ann, room);
            bob.close();
            ann.awaitEvent(Event.Presence.class, p -> p.user().username().equals(bobName)
                    && p.state() == app.duet.protocol.PresenceState.OFFLINE);
            ann.error(new Request.CallRing(ann.nextId(), room, Media.VIDEO), ErrorCode.PEER_OFFLINE);
            Result.History mine = ann.ok(new Request.History(ann.nextId(), room, null, 10));
            assertThat(mine.calls()).singleElement().satisfies(e -> {
                assertThat(e.outgoing()).isTrue();
                assertThat(e.outcome()).isEqualTo(CallOutcome.MISSED);
                assertThat(e.missed()).isFalse();
            });
        }
    }

    @Test
    void aRingToAnOfflineMemberReachesThemAsAMissedCallAtTheirNextSignIn() throws Exception {
        missedWhileBobOffline();
        try (TestClient bob = login(bobName)) {
            Event.MissedCalls missed = bob.awaitEvent(Event.MissedCalls.class);
            assertThat(missed.calls()).singleElement().satisfies(e -> {
                assertThat(e.channel()).isEqualTo(room);
                assertThat(e.peer().username()).isEqualTo(annName);
                assertThat(e.outgoing()).isFalse();
                assertThat(e.media()).isEqualTo(Media.VIDEO);
                assertThat(e.outcome()).isEqualTo(CallOutcome.MISSED);
                assertThat(e.answeredAt()).isNull();
                assertThat(e.unseen()).isTrue();
            });
        }
    }

    @Test
    void twoDevicesOfOneUserShareOneMissedStateAndOneHistory() throws Exception {
        missedWhileBobOffline();
        try (TestClient ann = login(annName); TestClient bobA = login(bobName); TestClient bobB = login(bobName)) {
            assertThat(bobA.awaitEvent(Event.MissedCalls.class).calls()).hasSize(1);
            assertThat(bobB.awaitEvent(Event.MissedCalls.class).calls()).hasSize(1);

            bobA.ok(new Request.HistorySeen(bobA.nextId(), room));
            assertThat(bobB.awaitEvent(Event.MissedCalls.class).calls()).isEmpty();
            assertThat(bobA.eventsOf(Event.MissedCalls.class)).isEmpty();

            // Answered on A: not missed on B.
            String call = ann.<Result.CallRing>ok(new Request.CallRing(ann.nextId(), room, Media.AUDIO)).callId();
            bobB.awaitEvent(Event.CallIncoming.class);
            bobA.ok(new Request.CallAccept(bobA.nextId(), call));
            ann.ok(new Request.CallHangup(ann.nextId(), call));
            bobA.awaitEvent(Event.CallEnded.class);
            HistoryEntry answered = latest(bobB, call);
            assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(answered.missed()).isFalse();
            assertThat(answered.answeredAt()).isNotNull();
            assertThat(latest(bobA, call)).isEqualTo(answered);

            // Declined on B: not missed either; the missed call before it stays seen on both.
            String declined = ann.<Result.CallRing>ok(new Request.CallRing(ann.nextId(), room, Media.VIDEO)).callId();
            bobB.awaitEvent(Event.CallIncoming.class, e -> e.callId().equals(declined));
            bobB.ok(new Request.CallDecline(bobB.nextId(), declined));
            assertThat(latest(bobA, declined).outcome()).isEqualTo(CallOutcome.DECLINED);
            Result.History all = bobA.ok(new Request.History(bobA.nextId(), null, null, 10));
            assertThat(all.calls()).extracting(HistoryEntry::outcome)
                    .containsExactly(CallOutcome.DECLINED, CallOutcome.ANSWERED, CallOutcome.MISSED);
            assertThat(all.calls()).noneMatch(HistoryEntry::unseen);
        }
    }

    @Test
    void pagesFollowTheCursorAndClearingLeavesTheOtherMembersHistory() throws Exception {
        missedWhileBobOffline();
        try (TestClient ann = login(annName)) {
            ann.error(new Request.CallRing(ann.nextId(), room, Media.AUDIO), ErrorCode.PEER_OFFLINE);
        }
        try (TestClient ann = login(annName); TestClient bob = login(bobName)) {
            Result.History first = ann.ok(new Request.History(ann.nextId(), null, null, 1));
            assertThat(first.calls()).singleElement().extracting(HistoryEntry::media).isEqualTo(Media.AUDIO);
            Result.History second = ann.ok(new Request.History(ann.nextId(), null, first.next(), 1));
            assertThat(second.calls()).singleElement().extracting(HistoryEntry::media).isEqualTo(Media.VIDEO);

            bob.awaitEvent(Event.MissedCalls.class);
            bob.ok(new Request.HistoryClear(bob.nextId(), null));
            assertThat(bob.<Result.History>ok(new Request.History(bob.nextId(), room, null, 10)).calls()).isEmpty();
            assertThat(ann.<Result.History>ok(new Request.History(ann.nextId(), room, null, 10)).calls()).hasSize(2);
        }
    }

    @Test
    void nobodyReadsAnotherUsersHistoryAndBadRequestsAreRefused() throws Exception {
        missedWhileBobOffline();
        try (TestClient cat = signup(catName)) {
            cat.error(new Request.History(cat.nextId(), room, null, 10), ErrorCode.NOT_A_MEMBER);
            cat.error(new Request.HistorySeen(cat.nextId(), room), ErrorCode.NOT_A_MEMBER);
            cat.error(new Request.HistoryClear(cat.nextId(), room), ErrorCode.NOT_A_MEMBER);
            cat.error(new Request.History(cat.nextId(), "nowhere", null, 10), ErrorCode.CHANNEL_NOT_FOUND);
            assertThat(cat.<Result.History>ok(new Request.History(cat.nextId(), null, null, 10)).calls()).isEmpty();
            assertThat(cat.awaitEvent(Event.MissedCalls.class).calls()).isEmpty();

            cat.error(new Request.History(cat.nextId(), null, null, 0), ErrorCode.INVALID_FIELD);
            cat.error(new Request.History(cat.nextId(), null, null, 101), ErrorCode.INVALID_FIELD);
            cat.sendRaw("{\"type\":\"history\",\"id\":\"neg\",\"before\":-1,\"limit\":5}");
            assertThat(cat.awaitUnmatched()).isInstanceOfSatisfying(app.duet.protocol.ErrorReply.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
            cat.sendRaw("{\"type\":\"history\",\"id\":\"bad\",\"channel\":\"Not A Name\",\"limit\":5}");
            assertThat(cat.awaitUnmatched()).isInstanceOfSatisfying(app.duet.protocol.ErrorReply.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
            cat.ok(new Request.Ping(cat.nextId()));
        }
        try (TestClient stranger = TestClient.hello(server)) {
            stranger.error(new Request.History(stranger.nextId(), null, null, 10), ErrorCode.NOT_AUTHENTICATED);
        }
    }

    private HistoryEntry latest(TestClient c, String callId) {
        Result.History page = c.ok(new Request.History(c.nextId(), room, null, 1));
        assertThat(page.calls()).singleElement().extracting(HistoryEntry::callId).isEqualTo(callId);
        return page.calls().get(0);
    }
}
