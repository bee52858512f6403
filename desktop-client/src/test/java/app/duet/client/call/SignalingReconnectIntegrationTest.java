package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.TestServer;
import app.duet.protocol.Media;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call while the signaling connection drops: media keeps flowing peer to peer, the client resumes, and the
 * engine either keeps the call (the server still has it) or ends it cleanly (the server forgot it).
 */
class SignalingReconnectIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static MediaEngine media;

    @TempDir
    Path temp;

    private TestServer server;
    private SeverableRelay annRoute;
    private SignalingClient annClient;
    private SignalingClient bobClient;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final EngineListener annEvents = new EngineListener();
    private final EngineListener bobEvents = new EngineListener();
    private CallEngine ann;
    private CallEngine bob;

    @BeforeAll
    static void startMedia() {
        media = MediaEngine.start(AudioMode.HEADLESS);
    }

    @AfterAll
    static void stopMedia() {
        media.close();
    }

    @BeforeEach
    void connectBothInACall() {
        server = TestServer.start(temp.resolve("server"));
        toClose.add(server);
        annRoute = new SeverableRelay(server.uri());
        toClose.add(annRoute);
        annClient = client(annRoute.uri());
        bobClient = client(server.uri());
        annClient.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
        bobClient.signup("bob", "Bob", "bob@example.org", "battery staple", false).join();
        annClient.createChannel("room").join();
        bobClient.joinChannel("room").join();
        ann = engine(annClient, annEvents, "ann");
        bob = engine(bobClient, bobEvents, "bob");

        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
        ann.startVideo(); // only Ann sends video, so Bob adding his later is a real renegotiation
        await().atMost(WAIT).until(() -> bob.remoteVideo().publishedFrames() > 5);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        ui.shutdownNow();
    }

    @Test
    void call_survives_a_dropped_signaling_connection_and_renegotiates_after_the_resume() {
        annRoute.sever();
        await().atMost(WAIT).until(() -> annClient.state() == ConnectionState.RECONNECTING);
        long bobFrames = bob.remoteVideo().publishedFrames();
        await("media flows peer to peer while signaling is down").atMost(WAIT)
                .until(() -> bob.remoteVideo().publishedFrames() > bobFrames + 15);
        assertThat(annClient.state()).isEqualTo(ConnectionState.RECONNECTING);

        annRoute.reopen();
        await().atMost(WAIT).until(() -> annClient.state() == ConnectionState.CONNECTED);
        assertThat(annEvents.ends).isEmpty();
        assertThat(bobEvents.ends).isEmpty();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);

        // A renegotiation through the resumed connection: Bob adds video, Ann must answer his offer.
        assertThat(ann.remoteVideo().publishedFrames()).isZero();
        bob.startVideo();
        await("Bob's video after the resume").atMost(WAIT).until(() -> ann.remoteVideo().publishedFrames() > 10);
        bob.hangup().join();
        await().atMost(WAIT).until(() -> annEvents.ends.contains(CallEnd.REMOTE_HANGUP));
    }

    @Test
    void a_server_that_forgot_the_call_ends_it_cleanly_on_both_sides() {
        server.restart(); // calls live in memory: the new instance resumes the sessions but has no call
        await().atMost(WAIT).until(() -> annEvents.ends.contains(CallEnd.DISCONNECTED)
                && bobEvents.ends.contains(CallEnd.DISCONNECTED));
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        assertThat(annEvents.ends).containsExactly(CallEnd.DISCONNECTED);
        assertThat(bobEvents.ends).containsExactly(CallEnd.DISCONNECTED);

        // Both are free to call again through the new server.
        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> bobEvents.incoming.size() == 2);
        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
    }

    private CallEngine engine(SignalingClient client, EngineListener events, String name) {
        CallEngineSettings settings = new CallEngineSettings(MediaSettings.synthetic(name).withSize(320, 240, 15),
                AudioMode.HEADLESS, false, temp.resolve(name + "-downloads"));
        CallEngine engine = new CallEngine(client, media, false, settings, events, ui);
        toClose.add(engine);
        return engine;
    }

    private SignalingClient client(URI uri) {
        SignalingClient c = new SignalingClient(SignalingConfig.defaults(uri, "duet-call-test/1"), SessionStore.none(),
                ui);
        c.start();
        toClose.add(c);
        return c;
    }
}
