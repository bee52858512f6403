package app.duet.client.call;

import static app.duet.client.call.TwoPeerCallTest.awaitConnected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.model.CallState;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libwebrtc threads are non-daemon: a closed engine must leave none behind, or the app never exits. */
class CallTeardownTest {

    @TempDir
    Path downloads;

    private static Set<String> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }

    @Test
    void closing_calls_and_engine_leaves_no_native_threads() {
        Set<String> before = nonDaemonThreads();
        MediaEngine engine = MediaEngine.start(AudioMode.HEADLESS);
        CallPair pair = new CallPair(engine, MediaSettings.synthetic("Finn"), downloads).start();
        awaitConnected(pair);
        await().atMost(Waits.CALL).until(() -> pair.callee.remoteVideo().publishedFrames() > 5);
        assertThat(nonDaemonThreads()).as("libwebrtc runs non-daemon threads while alive").isNotEqualTo(before);

        pair.callee.end(); // one side hangs up; the other is closed by the engine
        await().atMost(Waits.CALL).until(() -> pair.callee.state() == CallState.ENDED);
        engine.close();

        assertThat(pair.caller.state()).isEqualTo(CallState.ENDED);
        await().atMost(Waits.CALL).pollInSameThread()
                .untilAsserted(() -> assertThat(nonDaemonThreads()).isSubsetOf(before));
    }
}
