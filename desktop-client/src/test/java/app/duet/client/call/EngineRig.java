package app.duet.client.call;

import app.duet.client.testing.Invites;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.Closer;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;
import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;

/**
 * The set-up of the engine tests: a real signaling server in this JVM, real signaling clients, and call engines
 * on one shared headless media engine, with a single thread standing in for the FX thread. Everything it made
 * is closed in reverse order by {@link #close()}.
 */
final class EngineRig implements AutoCloseable {

    static final Duration WAIT = Waits.CALL;

    private final MediaEngine media;
    private final Path temp;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final Closer closer = new Closer();

    /** {@code media} stays open (tests share one per class); {@code temp} takes the database and downloads. */
    EngineRig(MediaEngine media, Path temp) {
        this.media = media;
        this.temp = temp;
    }

    static MediaEngine headlessMedia() {
        return MediaEngine.start(AudioMode.HEADLESS);
    }

    TestServer server() {
        return closeLater(TestServer.start(temp.resolve("server")));
    }

    /** Where listeners run, as the FX thread would in the app. */
    ExecutorService ui() {
        return ui;
    }

    SignalingClient client(URI server) {
        return closeLater(ownClient(server));
    }

    /** A started client the caller closes. */
    SignalingClient ownClient(URI server) {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(server, "duet-call-test/1"),
                SessionStore.none(), ui);
        client.start();
        return client;
    }

    /** Signs Ann and Bob up; Ann creates the channel "room" and Bob joins it. */
    static void annAndBobShareARoom(SignalingClient ann, SignalingClient bob) {
        ann.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
        bob.signup("bob", "Bob", "bob@example.org", "battery staple", false).join();
        ann.createChannel("room").join();
        Invites.join(bob, ann, "room");
    }

    /** An engine sending synthetic 320x240 video at 15 fps and a tone. */
    CallEngine engine(SignalingClient client, CallEngineListener events, String name) {
        CallEngineSettings settings = new CallEngineSettings(MediaSettings.synthetic(name).withSize(320, 240, 15),
                AudioMode.HEADLESS, false, temp.resolve(name + "-downloads"));
        return closeLater(new CallEngine(client, media, false, settings, events, ui));
    }

    /** A signaling server in this JVM whose only ICE server is the TURN URL {@code turnUrl}. */
    DuetServer serverHandingOut(String turnUrl, String turnSecret) throws Exception {
        return closeLater(DuetServer.start(ServerConfig.builder().port(0).opsPort(-1)
                .dataDir(temp.resolve("server")).bcryptCost(4)
                .turnUrls(List.of(turnUrl)).turnSecret(turnSecret).build()));
    }

    /** Ann's and Bob's engines, both allowed only relayed paths, in the call Ann rang and Bob accepted. */
    record RelayOnlyCall(CallEngine ann, CallEngine bob) {
    }

    RelayOnlyCall relayOnlyCallAccepted(URI server, EngineListener annEvents, EngineListener bobEvents) {
        SignalingClient annClient = client(server);
        SignalingClient bobClient = client(server);
        annAndBobShareARoom(annClient, bobClient);
        CallEngine ann = engine(annClient, annEvents, "ann");
        CallEngine bob = engine(bobClient, bobEvents, "bob");
        ann.controls().setForceRelay(true);
        bob.controls().setForceRelay(true);
        ann.ring("room", true).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        bob.accept(Media.VIDEO).join();
        return new RelayOnlyCall(ann, bob);
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        return closer.add(closeable);
    }

    @Override
    public void close() throws Exception {
        closer.close();
        ui.shutdownNow();
    }
}
