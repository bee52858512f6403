package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import app.duet.client.call.model.CallState;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Event;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A callee that accepts the instant the ring arrives: its {@code call_accepted} can reach the caller's engine
 * before the engine has learnt the call id from the reply to its own {@code call_ring}. Every call must connect.
 */
class InstantAcceptIntegrationTest {

    private static final Duration WAIT = Waits.CALL;
    private static final int CALLS = 20;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path temp;

    private EngineRig rig;

    @BeforeEach
    void rig() {
        rig = new EngineRig(MEDIA.get(), temp);
    }

    @AfterEach
    void closeAll() throws Exception {
        rig.close();
    }

    @Test
    void every_call_connects_when_the_callee_accepts_at_once() {
        TestServer server = rig.server();
        SignalingClient annClient = rig.client(server.uri());
        SignalingClient bobClient = rig.client(server.uri());
        EngineRig.annAndBobShareARoom(annClient, bobClient);
        EngineListener annEvents = new EngineListener();
        AutoAnswer bobEvents = new AutoAnswer();
        CallEngine ann = rig.engine(annClient, annEvents, "ann");
        bobEvents.engine = rig.engine(bobClient, bobEvents, "bob");
        CallEngine bob = bobEvents.engine;

        for (int call = 1; call <= CALLS; call++) {
            int n = call;
            ann.ring("room", call % 2 == 0).join();
            await("call " + n + " connects").atMost(WAIT)
                    .until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
            ann.hangup().join();
            await("call " + n + " ends").atMost(WAIT)
                    .until(() -> bobEvents.ends.size() == n && ann.state() == CallState.IDLE
                            && bob.state() == CallState.IDLE);
        }
        assertThat(bobEvents.ends).hasSize(CALLS).containsOnly(CallEnd.REMOTE_HANGUP);
        assertThat(annEvents.ends).hasSize(CALLS).containsOnly(CallEnd.LOCAL_HANGUP);
    }

    @Test
    void caller_offers_after_a_bare_client_accepts_at_once_and_hears_an_instant_decline() {
        TestServer server = rig.server();
        ExecutorService bobThread = Executors.newSingleThreadExecutor();
        rig.closeLater(bobThread::shutdownNow);
        SignalingClient annClient = rig.client(server.uri());
        SignalingClient bobClient = rig.closeLater(new SignalingClient(
                SignalingConfig.defaults(server.uri(), "duet-call-test/1"), SessionStore.none(), bobThread));
        bobClient.start();
        EngineRig.annAndBobShareARoom(annClient, bobClient);
        EngineListener annEvents = new EngineListener();
        CallEngine ann = rig.engine(annClient, annEvents, "ann");
        List<String> offers = new CopyOnWriteArrayList<>();
        AtomicBoolean declining = new AtomicBoolean();
        bobClient.addListener(new SignalingListener() { // answers with no media work in between: the fastest callee
            @Override
            public void onCallIncoming(Event.CallIncoming e) {
                if (declining.get()) {
                    bobClient.decline(e.callId());
                } else {
                    bobClient.accept(e.callId());
                }
            }

            @Override
            public void onOffer(Event.Offer e) {
                offers.add(e.callId());
                bobClient.hangup(e.callId());
            }
        });

        for (int call = 1; call <= CALLS; call++) {
            int n = call;
            String callId = ann.ring("room", false).join();
            await("caller offers in call " + n).atMost(WAIT).until(() -> offers.contains(callId));
            await("call " + n + " ends").atMost(WAIT).until(() -> annEvents.ends.size() == n);
        }
        assertThat(annEvents.ends).containsOnly(CallEnd.REMOTE_HANGUP);

        declining.set(true);
        for (int call = 1; call <= CALLS; call++) {
            int n = CALLS + call;
            ann.ring("room", false).join();
            await("decline " + call + " reaches the caller").atMost(WAIT).until(() -> annEvents.ends.size() == n);
            assertThat(annEvents.ends.get(n - 1)).isEqualTo(CallEnd.DECLINED);
            await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE);
        }
    }

    /** Accepts on the listener thread as soon as the ring is reported. */
    private static final class AutoAnswer extends EngineListener {
        volatile CallEngine engine;

        @Override
        public void incomingCall(IncomingCall call) {
            super.incomingCall(call);
            engine.accept(call.media());
        }
    }
}
