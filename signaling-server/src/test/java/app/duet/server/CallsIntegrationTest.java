package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Ok;
import app.duet.protocol.Protocol;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NoLeakedThreads.class)
class CallsIntegrationTest {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    static final AtomicInteger names = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static DuetServer server;
    /** Rings that time out after half a second. */
    static DuetServer quickRing;
    /** A grace period of half a second (but rings that wait, so setting up a call never races it). */
    static DuetServer quickGrace;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir.resolve("normal")).build());
        quickRing = DuetServer.start(TestServers.config(dataDir.resolve("quick-ring"))
                .ringTimeout(Duration.ofMillis(500)).build());
        quickGrace = DuetServer.start(TestServers.config(dataDir.resolve("quick-grace"))
                .callGrace(Duration.ofMillis(500)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        quickRing.close();
        quickGrace.close();
    }

    /** Two signed-up users in one channel. */
    record Pair(TestClient a, TestClient b, String channel, Result.Auth aAuth, Result.Auth bAuth) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            a.close();
            b.close();
        }
    }

    static Pair pair(DuetServer on) throws InterruptedException {
        int n = names.incrementAndGet();
        TestClient a = TestClient.hello(on);
        TestClient b = TestClient.hello(on);
        Result.Auth aAuth = a.ok(new Request.Signup(a.nextId(), "caller" + n, "Caller " + n, "caller" + n + "@example.org", "password-a"));
        Result.Auth bAuth = b.ok(new Request.Signup(b.nextId(), "callee" + n, "Callee " + n, "callee" + n + "@example.org", "password-b"));
        String channel = "room" + n;
        a.ok(new Request.ChannelCreate(a.nextId(), channel));
        b.joinInvitedBy(a, channel);
        return new Pair(a, b, channel, aAuth, bAuth);
    }

    static String ring(Pair p) {
        Result.CallRing ring = p.a().ok(new Request.CallRing(p.a().nextId(), p.channel(), Media.VIDEO));
        Event.CallIncoming incoming = p.b().awaitEvent(Event.CallIncoming.class);
        assertThat(incoming.callId()).isEqualTo(ring.callId());
        assertThat(incoming.channel()).isEqualTo(p.channel());
        assertThat(incoming.from().username()).isEqualTo(p.aAuth().user().username());
        assertThat(incoming.media()).isEqualTo(Media.VIDEO);
        return ring.callId();
    }

    static String connect(Pair p) {
        String callId = ring(p);
        p.b().ok(new Request.CallAccept(p.b().nextId(), callId));
        assertThat(p.a().awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(callId);
        return callId;
    }

    @Test
    void ringAcceptNegotiateHangUp() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            String a = p.aAuth().user().username();
            String b = p.bAuth().user().username();

            p.a().ok(new Request.Offer(p.a().nextId(), callId, SDP));
            assertThat(p.b().awaitEvent(Event.Offer.class)).isEqualTo(new Event.Offer(callId, a, SDP));
            p.b().ok(new Request.Answer(p.b().nextId(), callId, SDP + "a=answer\r\n"));
            assertThat(p.a().awaitEvent(Event.Answer.class)).isEqualTo(new Event.Answer(callId, b, SDP + "a=answer\r\n"));
            p.a().ok(new Request.Candidate(p.a().nextId(), callId, "0", 0, "candidate:1 1 udp 1 10.0.0.1 5000 typ host"));
            assertThat(p.b().awaitEvent(Event.Candidate.class))
                    .isEqualTo(new Event.Candidate(callId, a, "0", 0, "candidate:1 1 udp 1 10.0.0.1 5000 typ host"));
            p.b().ok(new Request.Candidate(p.b().nextId(), callId, null, 1, ""));
            assertThat(p.a().awaitEvent(Event.Candidate.class)).isEqualTo(new Event.Candidate(callId, b, null, 1, ""));
            // Renegotiation (e.g. switching to the screen) goes through the same call.
            p.b().ok(new Request.Offer(p.b().nextId(), callId, SDP));
            assertThat(p.a().awaitEvent(Event.Offer.class).from()).isEqualTo(b);

            p.a().error(new Request.CallAccept(p.a().nextId(), callId), ErrorCode.WRONG_STATE);
            p.b().error(new Request.CallAccept(p.b().nextId(), callId), ErrorCode.WRONG_STATE);
            p.a().ok(new Request.CallHangup(p.a().nextId(), callId));
            assertThat(p.b().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.HANGUP));
            p.b().error(new Request.Offer(p.b().nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            assertThat(p.a().eventsOf(Event.CallEnded.class)).isEmpty();
        }
    }

    @Test
    void aCandidateWithoutIdIsRelayedWithoutAnOkAndRefusedWithAnErrorWithoutId() throws Exception {
        try (Pair p = pair(server); Pair strangers = pair(server)) {
            String callId = connect(p);
            int before = p.a().framesSoFar().size();
            p.a().sendRaw(CODEC.encode(new Request.Candidate(null, callId, "0", 0, "candidate:2 1 udp 1 10.0.0.2 5000 typ host")));
            assertThat(p.b().awaitEvent(Event.Candidate.class).candidate()).isEqualTo("candidate:2 1 udp 1 10.0.0.2 5000 typ host");
            // Frames of one connection are answered in order: had the candidate an ok, it would come first.
            String ping = p.a().nextId();
            p.a().ok(new Request.Ping(ping));
            List<String> since = p.a().framesSoFar();
            assertThat(since.subList(before, since.size())).as("frames to the candidate's sender")
                    .containsExactly("{\"type\":\"ok\",\"id\":\"" + ping + "\",\"result\":{}}");

            TestClient s = strangers.a();
            s.sendRaw(CODEC.encode(new Request.Candidate(null, callId, "0", 0, "candidate:x")));
            ErrorReply refused = (ErrorReply) s.awaitUnmatched();
            assertThat(refused.id()).isNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.CALL_NOT_FOUND);
            assertThat(p.b().eventsOf(Event.Candidate.class)).as("the stranger's candidate").isEmpty();
        }
    }

    /**
     * Offers, answers and candidates are passed on without being decoded: the text arrives as the sender wrote it
     * (escapes and all), while a frame refused before is refused still, and reaches nobody.
     */
    @Test
    void relayedTextArrivesAsWrittenAndWhatWasRefusedIsRefusedStill() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            String sdp = "v=0\\r\\na=x:\\/path \\u00e9 \uD83D\uDE00\\r\\n";
            p.a().sendRaw("{\"type\":\"offer\",\"id\":\"raw1\",\"callId\":\"" + callId + "\",\"sdp\":\"" + sdp + "\"}");
            assertThat(p.b().awaitEvent(Event.Offer.class).sdp()).isEqualTo("v=0\r\na=x:/path \u00e9 \uD83D\uDE00\r\n");
            assertThat(((Ok) p.a().awaitUnmatched()).id()).isEqualTo("raw1");
            assertThat(p.b().framesSoFar()).as("the offer's frame").anyMatch(f -> f.contains("\"sdp\":\"" + sdp + "\""));

            p.a().sendRaw("{\"type\":\"offer\",\"id\":\"raw3\",\"callId\":\"" + callId + "\",\"sdp\":\""
                    + "s".repeat(Protocol.MAX_SDP_LENGTH + 1) + "\"}");
            assertError(p.a().awaitUnmatched(), ErrorCode.INVALID_FIELD, "raw3");
            p.a().sendRaw("{\"type\":\"candidate\",\"id\":\"raw4\",\"callId\":\"" + callId + "\",\"sdpMLineIndex\":-1,"
                    + "\"candidate\":\"x\"}");
            assertError(p.a().awaitUnmatched(), ErrorCode.INVALID_FIELD, "raw4");
            p.a().sendRaw("{\"type\":\"candidate\",\"id\":\"raw5\",\"callId\":\"" + callId + "\",\"sdpMLineIndex\":0}");
            assertError(p.a().awaitUnmatched(), ErrorCode.INVALID_FIELD, "raw5");
            p.a().ok(new Request.Ping(p.a().nextId()));
            assertThat(p.b().eventsOf(Event.Offer.class)).as("refused offers").isEmpty();
            assertThat(p.b().eventsOf(Event.Candidate.class)).as("refused candidates").isEmpty();
        }
    }

    private static void assertError(ServerMessage message, ErrorCode code, String id) {
        assertThat(message).isInstanceOfSatisfying(ErrorReply.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.id()).isEqualTo(id);
        });
    }

    @Test
    void declineAndCancel() throws Exception {
        try (Pair p = pair(server)) {
            String first = ring(p);
            p.a().error(new Request.CallDecline(p.a().nextId(), first), ErrorCode.WRONG_STATE);
            p.b().ok(new Request.CallDecline(p.b().nextId(), first));
            assertThat(p.a().awaitEvent(Event.CallDeclined.class).callId()).isEqualTo(first);

            String second = ring(p);
            p.b().error(new Request.CallCancel(p.b().nextId(), second), ErrorCode.WRONG_STATE);
            p.a().ok(new Request.CallCancel(p.a().nextId(), second));
            assertThat(p.b().awaitEvent(Event.CallCancelled.class).callId()).isEqualTo(second);
            p.b().error(new Request.CallAccept(p.b().nextId(), second), ErrorCode.CALL_NOT_FOUND);
        }
    }

    @Test
    void noRelayBeforeTheCallIsAccepted() throws Exception {
        try (Pair p = pair(server)) {
            String callId = ring(p);
            p.a().error(new Request.Offer(p.a().nextId(), callId, SDP), ErrorCode.WRONG_STATE);
            p.a().error(new Request.CallRing(p.a().nextId(), p.channel(), Media.AUDIO), ErrorCode.WRONG_STATE);
            p.a().ok(new Request.CallHangup(p.a().nextId(), callId));
            assertThat(p.b().awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.HANGUP);
        }
    }

    @Test
    void strangersCannotTouchACall() throws Exception {
        try (Pair p = pair(server); Pair strangers = pair(server)) {
            String callId = connect(p);
            TestClient s = strangers.a();
            s.error(new Request.Offer(s.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            s.error(new Request.Answer(s.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            s.error(new Request.Candidate(s.nextId(), callId, "0", 0, "candidate:x"), ErrorCode.CALL_NOT_FOUND);
            s.error(new Request.CallHangup(s.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
            s.error(new Request.CallAccept(s.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
            s.error(new Request.CallRing(s.nextId(), p.channel(), Media.AUDIO), ErrorCode.NOT_A_MEMBER);
            // The members saw nothing of it, and the call still works.
            p.a().ok(new Request.Offer(p.a().nextId(), callId, SDP));
            assertThat(p.b().awaitEvent(Event.Offer.class).from()).isEqualTo(p.aAuth().user().username());
            assertThat(p.b().eventsOf(Event.Answer.class)).isEmpty();
            assertThat(p.a().eventsOf(Event.Offer.class)).isEmpty();
            assertThat(s.eventsOf(Event.Offer.class)).isEmpty();
        }
    }

    @Test
    void ringingSomeoneInACallIsPeerBusy() throws Exception {
        try (Pair p = pair(server); TestClient third = TestClient.hello(server)) {
            connect(p);
            int n = names.incrementAndGet();
            third.ok(new Request.Signup(third.nextId(), "third" + n, "Third", "third" + n + "@example.org", "password-c"));
            third.ok(new Request.ChannelCreate(third.nextId(), "side" + n));
            p.b().joinInvitedBy(third, "side" + n);
            third.error(new Request.CallRing(third.nextId(), "side" + n, Media.AUDIO), ErrorCode.PEER_BUSY);
        }
    }

    @Test
    void ringingAnEmptyOrOfflineChannelIsPeerOffline() throws Exception {
        try (TestClient a = TestClient.hello(server)) {
            int n = names.incrementAndGet();
            a.ok(new Request.Signup(a.nextId(), "lonely" + n, "Lonely", "lonely" + n + "@example.org", "password-l"));
            a.ok(new Request.ChannelCreate(a.nextId(), "empty" + n));
            a.error(new Request.CallRing(a.nextId(), "empty" + n, Media.AUDIO), ErrorCode.PEER_OFFLINE);
            try (Pair p = pair(server)) {
                p.b().close();
                p.a().awaitEvent(Event.Presence.class, e -> e.state() == app.duet.protocol.PresenceState.OFFLINE);
                p.a().error(new Request.CallRing(p.a().nextId(), p.channel(), Media.AUDIO), ErrorCode.PEER_OFFLINE);
                p.a().error(new Request.CallRing(p.a().nextId(), "nope" + n, Media.AUDIO), ErrorCode.CHANNEL_NOT_FOUND);
            }
        }
    }

    @Test
    void aCallerMayProposeTheCallIdAndATakenOrMalformedOneIsRefused() throws Exception {
        try (Pair p = pair(server); Pair others = pair(server)) {
            String proposed = "ring-" + System.nanoTime() + "-abcdefgh";
            Result.CallRing ring = p.a().ok(new Request.CallRing(p.a().nextId(), p.channel(), Media.VIDEO, proposed));
            assertThat(ring.callId()).isEqualTo(proposed);
            assertThat(p.b().awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(proposed);

            others.a().error(new Request.CallRing(others.a().nextId(), others.channel(), Media.AUDIO, proposed),
                    ErrorCode.INVALID_FIELD);
            others.a().error(new Request.CallRing(others.a().nextId(), others.channel(), Media.AUDIO, "short"),
                    ErrorCode.INVALID_FIELD);
            others.a().error(new Request.CallRing(others.a().nextId(), others.channel(), Media.AUDIO,
                    "has spaces in it, which ids never do"), ErrorCode.INVALID_FIELD);
            // The refusals took nothing: the other pair can still ring, and the first call goes on.
            Result.CallRing other = others.a().ok(new Request.CallRing(others.a().nextId(), others.channel(), Media.AUDIO));
            assertThat(other.callId()).isNotEqualTo(proposed);
            p.b().ok(new Request.CallAccept(p.b().nextId(), proposed));
            assertThat(p.a().awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(proposed);
        }
    }

    @Test
    void glareWithAProposedIdMergesIntoTheFirstCall() throws Exception {
        try (Pair p = pair(server)) {
            String first = ring(p);
            Result.CallRing second = p.b().ok(new Request.CallRing(p.b().nextId(), p.channel(), Media.AUDIO,
                    "glare-" + System.nanoTime() + "-abcdefgh"));
            assertThat(second.callId()).isEqualTo(first);
            assertThat(p.b().awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(first);
        }
    }

    @Test
    void glareMergesIntoTheFirstCall() throws Exception {
        try (Pair p = pair(server)) {
            String first = ring(p);
            Result.CallRing second = p.b().ok(new Request.CallRing(p.b().nextId(), p.channel(), Media.AUDIO));
            assertThat(second.callId()).isEqualTo(first);
            assertThat(p.a().awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(first);
            assertThat(p.b().awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(first);
            // The original caller offers.
            p.a().ok(new Request.Offer(p.a().nextId(), first, SDP));
            assertThat(p.b().awaitEvent(Event.Offer.class).callId()).isEqualTo(first);
        }
    }

    @Test
    void anUnansweredRingEndsWithNoAnswer() throws Exception {
        try (Pair p = pair(quickRing)) {
            String callId = ring(p);
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.NO_ANSWER));
            assertThat(p.b().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.NO_ANSWER));
            p.b().error(new Request.CallAccept(p.b().nextId(), callId), ErrorCode.CALL_NOT_FOUND);
        }
    }

    @Test
    void resumingWithinTheGracePeriodKeepsTheCall() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            p.b().close();
            p.a().awaitEvent(Event.Presence.class, e -> e.state() == app.duet.protocol.PresenceState.OFFLINE);
            p.a().error(new Request.Offer(p.a().nextId(), callId, SDP), ErrorCode.PEER_OFFLINE);
            try (TestClient back = TestClient.hello(server)) {
                Result.Auth resumed = back.ok(new Request.Resume(back.nextId(), p.bAuth().session().token()));
                assertThat(resumed.call()).isEqualTo(new CallInfo(callId, p.channel(), p.aAuth().user(), Media.VIDEO,
                        CallState.ACTIVE, false, true));
                p.a().awaitEvent(Event.Presence.class, e -> e.state() == app.duet.protocol.PresenceState.ONLINE);
                p.a().ok(new Request.Offer(p.a().nextId(), callId, SDP));
                assertThat(back.awaitEvent(Event.Offer.class).callId()).isEqualTo(callId);
                back.ok(new Request.CallHangup(back.nextId(), callId));
                assertThat(p.a().awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.HANGUP);
            }
        }
    }

    @Test
    void notComingBackEndsTheCallAsDisconnected() throws Exception {
        try (Pair p = pair(quickGrace)) {
            String callId = connect(p);
            p.b().close();
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.DISCONNECTED));
            try (TestClient back = TestClient.hello(quickGrace)) {
                Result.Auth resumed = back.ok(new Request.Resume(back.nextId(), p.bAuth().session().token()));
                assertThat(resumed.call()).isNull();
            }
        }
    }

    @Test
    void aCallerWhoDisconnectsWhileRingingCancels() throws Exception {
        try (Pair p = pair(server)) {
            String callId = ring(p);
            p.a().close();
            assertThat(p.b().awaitEvent(Event.CallCancelled.class).callId()).isEqualTo(callId);
        }
    }

    @Test
    void deletingTheChannelEndsItsCall() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            p.a().ok(new Request.ChannelDelete(p.a().nextId(), p.channel()));
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.CHANNEL_DELETED));
            assertThat(p.b().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.CHANNEL_DELETED));
            assertThat(p.b().awaitEvent(Event.ChannelDeleted.class).name()).isEqualTo(p.channel());
        }
    }

    @Test
    void leavingTheChannelEndsItsCall() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            p.b().ok(new Request.ChannelLeave(p.b().nextId(), p.channel()));
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.LEFT_CHANNEL));
        }
    }

    @Test
    void loggingOutEndsTheCall() throws Exception {
        try (Pair p = pair(server)) {
            String callId = connect(p);
            p.b().ok(new Request.Logout(p.b().nextId()));
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.DISCONNECTED));
        }
    }

    @Test
    void theCalleesOtherDevicesStopRingingWhenOneAnswers() throws Exception {
        try (Pair p = pair(server); TestClient otherDevice = TestClient.hello(server)) {
            otherDevice.ok(new Request.Login(otherDevice.nextId(), p.bAuth().user().username(), "password-b"));
            String callId = ring(p);
            otherDevice.awaitEvent(Event.CallIncoming.class);
            p.b().ok(new Request.CallAccept(p.b().nextId(), callId));
            assertThat(otherDevice.awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(callId);
            // The other device is not part of the call.
            otherDevice.error(new Request.Answer(otherDevice.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
        }
    }

    /** What docs/protocol.md promises about a call member's other sessions: CALL_NOT_FOUND, not WRONG_STATE. */
    @Test
    void aMembersOtherSessionIsAStrangerToTheCallButCannotRingAnother() throws Exception {
        try (Pair p = pair(server); TestClient callersOtherDevice = TestClient.hello(server)) {
            callersOtherDevice.ok(new Request.Login(callersOtherDevice.nextId(), p.aAuth().user().username(), "password-a"));
            String callId = ring(p);
            callersOtherDevice.error(new Request.CallCancel(callersOtherDevice.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
            p.b().ok(new Request.CallAccept(p.b().nextId(), callId));
            callersOtherDevice.error(new Request.Offer(callersOtherDevice.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            callersOtherDevice.error(new Request.CallHangup(callersOtherDevice.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
            callersOtherDevice.error(new Request.CallRing(callersOtherDevice.nextId(), p.channel(), Media.AUDIO),
                    ErrorCode.WRONG_STATE);
        }
    }
}
