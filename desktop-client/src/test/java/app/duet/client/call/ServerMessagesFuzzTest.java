package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.HostileServer;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Arbitrary frames from a {@link HostileServer} into the real signaling client and call engine (on the shared
 * headless media engine), with the engine idle, rung, or in a call it accepted. After each input: the engine
 * can end the call and frees every native object, the connection answers a ping (reconnecting if the frames
 * told it to), a new ring still shows up, and nothing was logged as an error. The thread-leak check runs
 * after the class. docs/testing.md, "Fuzzing".
 *
 * <p>Input: the first byte picks the engine's state (idle, rung, accepted); the rest is frames separated by
 * NUL bytes, read as UTF-8, in which "$CALL" becomes the id of the call the engine was rung for.
 */
class ServerMessagesFuzzTest {
    private static final Duration WAIT = Waits.CALL;
    private static final Duration POLL = Duration.ofMillis(5);

    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();
    @TempDir
    static Path temp;

    private static final Queue<String> errorsLogged = new ConcurrentLinkedQueue<>();
    private static final AppenderBase<ILoggingEvent> log = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errorsLogged.add(e.getFormattedMessage());
            }
        }
    };
    private static final AtomicInteger calls = new AtomicInteger();
    private static EngineRig rig;
    private static HostileServer server;
    private static SignalingClient client;
    private static EngineListener events;
    private static CallEngine engine;

    @BeforeAll
    static void signIn() {
        rig = new EngineRig(MEDIA.get(), temp);
        server = rig.closeLater(HostileServer.listen());
        client = rig.client(server.uri());
        client.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
        client.joinChannel(HostileServer.CHANNEL).join();
        events = new EngineListener();
        engine = rig.engine(client, events, "ann");
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void closeAll() throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        rig.close();
        assertThat(MEDIA.get().ownedCount()).as("native objects left").isZero();
    }

    @FuzzTest(maxDuration = "10s")
    void anythingTheServerSends(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        events.incoming.clear();
        String callId = "fuzz-call-" + calls.incrementAndGet();
        int state = (input[0] & 0xff) % 3;
        if (state >= 1) {
            ringAndWait(callId);
        }
        if (state == 2) {
            engine.accept(Media.AUDIO).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        String frames = new String(input, 1, input.length - 1, StandardCharsets.UTF_8).replace("$CALL", callId);
        for (String frame : frames.split("\0", -1)) {
            server.sendRaw(frame);
        }

        connectedAndAnswering(); // the ping's reply comes after every frame sent before it

        engine.hangup().exceptionally(notInACall -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        waitFor("the call ended").until(() -> !engine.state().isActive() && !engine.state().isRinging());
        waitFor("native objects freed").until(() -> MEDIA.get().ownedCount() == 0);
        connectedAndAnswering();
        String after = callId + "-after";
        ringAndWait(after);
        engine.decline().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        waitFor("declined").until(() -> server.heard().stream()
                .anyMatch(r -> r instanceof Request.CallDecline d && d.callId().equals(after)));
        assertThat(errorsLogged).as("errors logged").isEmpty();
    }

    /** Polls often: an input takes a handful of these waits, and each costs at least one poll interval. */
    private static ConditionFactory waitFor(String what) {
        return await(what).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    private static void connectedAndAnswering() throws Exception {
        if (client.state() != ConnectionState.CONNECTED) {
            client.retryNow(); // a server_shutdown in the frames may have asked it to wait
        }
        waitFor("connected").atMost(Waits.RECONNECT).until(() -> client.state() == ConnectionState.CONNECTED);
        client.ping().exceptionally(lostOnTheWay -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        waitFor("connected").atMost(Waits.RECONNECT).until(() -> client.state() == ConnectionState.CONNECTED);
        client.ping().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void ringAndWait(String callId) {
        server.ring(callId);
        waitFor("the ring of " + callId)
                .until(() -> events.incoming.stream().anyMatch(c -> c.callId().equals(callId)));
    }
}
