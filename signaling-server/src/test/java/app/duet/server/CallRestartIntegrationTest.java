package app.duet.server;

import static app.duet.server.CallsIntegrationTest.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.CallsIntegrationTest.Pair;
import app.duet.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active calls live in the SQLite file: a server restarted on the same data dir gives each side its call
 * back when it resumes, relays again once both are back, and ends the call if one side never returns.
 */
@ExtendWith(NoLeakedThreads.class)
class CallRestartIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void anActiveCallResumesAfterARestartAndRelaysAgain() throws Exception {
        LeftBehind left = leftByAFirstServer(CallsIntegrationTest::connect);
        Pair before = left.pair();
        String callId = left.callId();
        String caller = before.aAuth().user().username();
        String callee = before.bAuth().user().username();
        try (DuetServer second = DuetServer.start(config().build());
                TestClient a = TestClient.hello(second); TestClient b = TestClient.hello(second);
                TestClient stranger = TestClient.hello(second)) {
            Result.Auth aBack = resume(a, before.aAuth());
            assertThat(aBack.call()).isEqualTo(new CallInfo(callId, before.channel(), before.bAuth().user(), Media.VIDEO,
                    CallState.ACTIVE, true, false));
            // The callee has not resumed yet: nothing to relay to.
            a.error(new Request.Offer(a.nextId(), callId, SDP), ErrorCode.PEER_OFFLINE);

            Result.Auth bBack = resume(b, before.bAuth());
            assertThat(bBack.call()).isEqualTo(new CallInfo(callId, before.channel(), before.aAuth().user(), Media.VIDEO,
                    CallState.ACTIVE, false, true));
            a.ok(new Request.Offer(a.nextId(), callId, SDP));
            assertThat(b.awaitEvent(Event.Offer.class)).isEqualTo(new Event.Offer(callId, caller, SDP));
            b.ok(new Request.Answer(b.nextId(), callId, SDP));
            assertThat(a.awaitEvent(Event.Answer.class)).isEqualTo(new Event.Answer(callId, callee, SDP));

            stranger.ok(new Request.Signup(stranger.nextId(), "stranger", "Stranger", "stranger@example.org", "password-s"));
            stranger.error(new Request.Offer(stranger.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            stranger.error(new Request.CallHangup(stranger.nextId(), callId), ErrorCode.CALL_NOT_FOUND);

            b.ok(new Request.CallHangup(b.nextId(), callId));
            assertThat(a.awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.HANGUP));
        }
        assertTheEndedCallIsGoneAfterAnotherRestart(before.aAuth());
    }

    @Test
    void aCallWhoseOtherSideNeverResumesEndsAfterTheGraceAsDisconnected() throws Exception {
        LeftBehind left = leftByAFirstServer(CallsIntegrationTest::connect);
        Pair before = left.pair();
        String callId = left.callId();
        try (DuetServer second = DuetServer.start(config().callGraceAfterRestart(Duration.ofSeconds(3)).build());
                TestClient a = TestClient.hello(second)) {
            Result.Auth aBack = resume(a, before.aAuth());
            assertThat(aBack.call().callId()).isEqualTo(callId);
            assertThat(a.awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.DISCONNECTED));
            try (TestClient b = TestClient.hello(second)) {
                assertThat(resume(b, before.bAuth()).call()).isNull();
                b.error(new Request.Offer(b.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
            }
        }
        assertTheEndedCallIsGoneAfterAnotherRestart(before.bAuth());
    }

    @Test
    void aRingingCallIsNotKeptAcrossARestart() throws Exception {
        LeftBehind left = leftByAFirstServer(CallsIntegrationTest::ring);
        Pair before = left.pair();
        String callId = left.callId();
        try (DuetServer second = DuetServer.start(config().build());
                TestClient a = TestClient.hello(second); TestClient b = TestClient.hello(second)) {
            assertThat(resume(a, before.aAuth()).call()).isNull();
            assertThat(resume(b, before.bAuth()).call()).isNull();
            b.error(new Request.CallAccept(b.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
            // Both are free: a new ring goes through.
            Result.CallRing again = a.ok(new Request.CallRing(a.nextId(), before.channel(), Media.AUDIO));
            assertThat(b.awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(again.callId());
        }
    }

    /** Two members of a channel and their call, as a first server on the data dir left them. */
    private record LeftBehind(Pair pair, String callId) {
    }

    /** Starts a first server, sets up a call with {@code call}, and shuts the server down gracefully. */
    private LeftBehind leftByAFirstServer(Function<Pair, String> call) throws Exception {
        Pair pair;
        String callId;
        try (DuetServer first = DuetServer.start(config().build())) {
            pair = CallsIntegrationTest.pair(first);
            callId = call.apply(pair);
        } // the shutdown closes the members' connections itself, as in production
        pair.close();
        return new LeftBehind(pair, callId);
    }

    /** Ended calls are deleted from the store: a further start has nothing to give back. */
    private void assertTheEndedCallIsGoneAfterAnotherRestart(Result.Auth member) throws Exception {
        try (DuetServer next = DuetServer.start(config().build()); TestClient client = TestClient.hello(next)) {
            assertThat(resume(client, member).call()).isNull();
        }
    }

    private static Result.Auth resume(TestClient client, Result.Auth earlier) {
        return client.ok(new Request.Resume(client.nextId(), earlier.session().token()));
    }

    private ServerConfig.Builder config() {
        return TestServers.config(dataDir);
    }
}
