package app.duet.bench.calls;

import app.duet.client.signaling.ChannelAccessClient;
import app.duet.bench.duet.DuetServer;
import app.duet.bench.os.ServerProcess;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.media.SyntheticLook;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Two Duet clients in this JVM, ann and bob, talking through the real signaling server (its own
 * process on loopback): the app's SignalingClient and CallEngine, one shared media engine (headless, or
 * on the sound server PULSE_SERVER names), synthetic camera (the pattern or the camera-like picture), and a tone or the microphone. ann and bob share
 * the channel "bench"; bob accepts every ring.
 */
final class CallRig implements AutoCloseable {
    static final String CHANNEL = "bench";
    private static final String PASSWORD = "bench-password-123";
    private final ServerProcess server;
    private final AudioMode audioMode;
    private final SyntheticLook look;
    private final MediaEngine media;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rig-events"); // stands in for the JavaFX thread
        t.setDaemon(true);
        return t;
    });
    private final SignalingClient annClient;
    private final SignalingClient bobClient;
    private final Path workDir;
    private final URI serverUri;

    /** One side of a call: its engine, its events, and a tap on its remote video. */
    record Side(CallEngine engine, RigListener listener, FrameTap remote) implements AutoCloseable {
        @Override
        public void close() {
            remote.close();
            engine.close();
        }
    }

    /** {@code audioMode} AUTO: the media engine uses the sound server if one answers (see {@link #hasRealAudio()}). */
    CallRig(Path serverJar, Path workDir, AudioMode audioMode, SyntheticLook look) throws Exception {
        this.workDir = workDir;
        this.audioMode = audioMode;
        this.look = look;
        this.media = MediaEngine.start(audioMode);
        this.server = DuetServer.start(serverJar, workDir.resolve("server"), 4, List.of(), List.of());
        serverUri = URI.create("ws://127.0.0.1:" + server.port());
        annClient = client(serverUri);
        bobClient = client(serverUri);
        annClient.signup("ann", "Ann", "ann@bench.invalid", PASSWORD, false).get(30, TimeUnit.SECONDS);
        bobClient.signup("bob", "Bob", "bob@bench.invalid", PASSWORD, false).get(30, TimeUnit.SECONDS);
        annClient.createChannel(CHANNEL).get(30, TimeUnit.SECONDS);
        // Channels are private: ann invites bob, as in the app.
        String invite = new ChannelAccessClient(annClient).createInvite(CHANNEL, null, null).get(30, TimeUnit.SECONDS).token();
        bobClient.joinChannel(CHANNEL, invite).get(30, TimeUnit.SECONDS);
    }

    /** ann (the caller) and bob (accepts at once), both sending the synthetic camera at this size and a tone. */
    Side[] open(int width, int height, int fps) {
        return open(width, height, fps, AudioChoice.SYNTHETIC);
    }

    /** As {@link #open(int, int, int)}; {@code audio} NONE makes calls without an audio track. */
    Side[] open(int width, int height, int fps, AudioChoice audio) {
        return new Side[] {side(annClient, "ann", false, width, height, fps, audio),
                side(bobClient, "bob", true, width, height, fps, audio)};
    }

    private Side side(SignalingClient client, String name, boolean accepts, int width, int height, int fps,
                      AudioChoice audio) {
        RigListener listener = new RigListener(name, accepts);
        MediaSettings sent = MediaSettings.synthetic(name).withSize(width, height, fps).withAudio(audio).withLook(look);
        CallEngineSettings settings = new CallEngineSettings(sent, audioMode, false,
                workDir.resolve(name + "-downloads"));
        CallEngine engine = new CallEngine(client, media, false, settings, listener, events);
        listener.engine(engine);
        return new Side(engine, listener, new FrameTap(engine.controls().remoteVideo(), name));
    }

    /** The signaling server's address, for other clients (the Chromium anchor) to call through it. */
    URI serverUri() {
        return serverUri;
    }

    /**
     * Whether every call has released its native objects: a hung-up call's state reads idle before its session
     * has torn down its peer connection on libwebrtc's threads, which a call rung at once would wait behind.
     */
    boolean callsReleased() {
        return media.ownedCount() == 0;
    }

    /** Whether the engine runs on a sound server (microphone and speaker), not the headless module. */
    boolean hasRealAudio() {
        return media.hasRealAudio();
    }

    private SignalingClient client(URI uri) {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(uri, "duet-bench/0.1"),
                SessionStore.none(), events);
        client.start();
        return client;
    }

    @Override
    public void close() throws Exception {
        annClient.close();
        bobClient.close();
        media.close();
        events.shutdownNow();
        server.close();
    }
}
