package app.duet.client.call;

import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.model.CallState;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call between this JVM and a second one ({@link PeerProcess}) through the real server. */
class TwoProcessCallTest {

    private static final Duration WAIT = Waits.SLOW_CALL;

    @TempDir
    Path temp;

    @Test
    void call_between_two_processes_connects_and_the_far_process_exits_after_hang_up() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        EngineListener events = new EngineListener();
        List<String> peerLines = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start(temp.resolve("server"))) {
            SignalingClient signaling = new SignalingClient(SignalingConfig.defaults(server.uri(), "duet-test/1"),
                    SessionStore.none(), ui);
            signaling.start();
            signaling.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
            signaling.createChannel("room").join();

            Process peer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                    PeerProcess.class.getName(), server.uri().toString(), "bob", "room",
                    Invites.create(signaling, "room"))
                    .redirectErrorStream(true).start();
            Thread reader = new Thread(() -> collect(peer, peerLines), "peer-output");
            reader.setDaemon(true);
            reader.start();
            try (CallEngine ann = CallEngine.start(signaling, new CallEngineSettings(
                    MediaSettings.synthetic("ann").withSize(320, 240, 15), AudioMode.HEADLESS, false,
                    temp.resolve("ann")), events, ui)) {
                await().atMost(WAIT).until(() -> peerLines.contains("PEER READY"));

                ann.ring("room", true).join();
                await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED);
                await().atMost(WAIT).until(() -> ann.controls().remoteVideo().poll(), f -> f != null
                        && FrameStamp.decodeFrameNumber(f.toIntArray(), f.width(), f.height()).isPresent());
                await().atMost(WAIT).until(() -> ann.controls().remoteAudioLevel() > 0.05);
                String code = ann.safetyCode().orElseThrow();
                await().atMost(WAIT).until(() -> peerLines.contains("PEER SAFETY " + code));

                ann.hangup().join();
                await().atMost(WAIT).until(() -> peerLines.contains("PEER ENDED REMOTE_HANGUP"));
            } finally {
                signaling.close();
                ui.shutdown();
            }
            boolean exited = peer.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                peer.destroyForcibly();
            }
            assertThat(exited).as("the peer JVM exits by itself: %s", peerLines).isTrue();
            assertThat(peer.exitValue()).isZero();
            assertThat(peerLines).contains("PEER CLOSED").anyMatch(l -> l.startsWith("PEER FRAMES ")
                    && Long.parseLong(l.substring("PEER FRAMES ".length())) > 0);
        }
    }

    private static void collect(Process process, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("PEER ")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            lines.add("READ FAILED " + e);
        }
    }
}
