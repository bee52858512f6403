package app.duet.client.headless;

import app.duet.client.testing.Invites;
import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls that do not happen, told apart by the headless client's exit code. The scenarios share one server
 * (short ring timeout) and run side by side in separate channels to keep the test short.
 */
class CallOutcomesTest {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void declined_busy_unanswered_absent_and_refused_logins_exit_with_their_codes() throws Exception {
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        try (TestServer server = TestServer.start(temp.resolve("server"), s -> s.ringTimeout(RING_TIMEOUT));
             SignalingClient vic = client(server, callbacks);
             SignalingClient walt = client(server, callbacks)) {
            // Busy: vic is in a call with walt; ann then rings vic in another channel they share.
            signUp(vic, "vic");
            signUp(walt, "walt");
            vic.createChannel("vic-and-ann").join();
            walt.createChannel("vic-and-walt").join();
            Invites.join(vic, walt, "vic-and-walt");
            String busyCall = walt.ring("vic-and-walt", Media.AUDIO, null).join().callId();
            vic.accept(busyCall).join();

            try (HeadlessProcess decliner = HeadlessProcess.start("dan", temp, false,
                         flags(server, "dan", "decline-room", "--decline"));
                 HeadlessProcess declined = HeadlessProcess.start("eve", temp, false,
                         flags(server, "eve", "decline-room", "--call"));
                 HeadlessProcess idle = HeadlessProcess.start("fay", temp, false,
                         flags(server, "fay", "quiet-room", "--duration", "2m"));
                 HeadlessProcess unanswered = HeadlessProcess.start("gus", temp, false,
                         flags(server, "gus", "quiet-room", "--call"));
                 HeadlessProcess busy = HeadlessProcess.start("ann", temp, false,
                         flags(server, "ann", "vic-and-ann", "--call", "--invite",
                                 Invites.create(vic, "vic-and-ann")));
                 HeadlessProcess alone = HeadlessProcess.start("hal", temp, false,
                         flags(server, "hal", "empty-room", "--call", "--wait", "3s"))) {

                assertThat(declined.awaitExit(Waits.PROCESS_START)).as("%s", declined).isEqualTo(ExitCode.DECLINED.code());
                assertThat(decliner.awaitExit(Waits.PROCESS_EXIT)).as("%s", decliner).isEqualTo(ExitCode.OK.code());
                assertThat(unanswered.awaitExit(Waits.PROCESS_START)).as("%s", unanswered).isEqualTo(ExitCode.NO_ANSWER.code());
                assertThat(busy.awaitExit(Waits.PROCESS_START)).as("%s", busy).isEqualTo(ExitCode.BUSY.code());
                assertThat(alone.awaitExit(Waits.PROCESS_START)).as("%s", alone).isEqualTo(ExitCode.PEER_ABSENT.code());

                assertThat(busy.first("ring_failed").orElseThrow().get("code").getAsString()).isEqualTo("PEER_BUSY");
                assertThat(idle.first("incoming")).as("the idle member saw the ring it did not answer").isPresent();
                assertThat(idle.isAlive()).as("an idle client stays for its duration").isTrue();
                idle.terminate();
                idle.awaitExit(Waits.PROCESS_EXIT);
            }

            try (HeadlessProcess wrongPassword = HeadlessProcess.start("vic-impostor", temp, false,
                    flags(server, "vic", "vic-and-ann", "--call", "--password", "not vic's password"))) {
                assertThat(wrongPassword.awaitExit(Waits.PROCESS_START)).as("%s", wrongPassword)
                        .isEqualTo(ExitCode.LOGIN_FAILED.code());
                assertThat(wrongPassword.first("login_failed").orElseThrow().get("code").getAsString())
                        .isEqualTo("WRONG_CREDENTIALS");
            }
        } finally {
            callbacks.shutdown();
        }
    }

    @Test
    void an_unreachable_server_and_bad_flags_have_their_own_codes() throws Exception {
        int port = TestServer.unusedPort();
        assertThat(HeadlessMain.run(new String[] {"--server", "ws://127.0.0.1:" + port, "--user", "ann",
                "--password", "irrelevant", "--channel", "room", "--wait", "1s",
                "--json-out", temp.resolve("unreachable.jsonl").toString()}))
                .isEqualTo(ExitCode.SERVER_UNREACHABLE.code());
        assertThat(java.nio.file.Files.readAllLines(temp.resolve("unreachable.jsonl")))
                .last().asString().contains("\"reason\":\"server_unreachable\"");
        assertThat(HeadlessMain.run(new String[] {"--server", "http://example.org", "--user", "ann",
                "--password", "x", "--channel", "room"})).isEqualTo(ExitCode.USAGE.code());
        assertThat(HeadlessMain.run(new String[] {"--server", "ws://127.0.0.1:1", "--user", "ann",
                "--channel", "room", "--call", "--answer"})).isEqualTo(ExitCode.USAGE.code());
    }

    private static SignalingClient client(TestServer server, ExecutorService callbacks) {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(server.uri(), "duet-test/1"),
                SessionStore.none(), callbacks);
        client.start();
        return client;
    }

    private static void signUp(SignalingClient client, String user) {
        client.signup(user, user, user + "@example.org", HeadlessProcess.passwordOf(user), false).join();
    }
}
