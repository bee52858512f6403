package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * The signaling server stops mid-call and a new one starts on the same port and database. Media is peer to
 * peer, so pictures keep arriving during the outage; both clients reconnect and resume their sessions, the
 * restarted server gives them their call back, and the call goes on until the caller hangs up.
 */
class ServerRestartTest {

    @TempDir
    Path temp;

    @Test
    void the_call_goes_on_through_a_server_restart_and_ends_with_a_clean_hang_up() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("server"));
             HeadlessProcess callee = HeadlessProcess.start("bob", temp, false,
                     flags(server, "bob", "room", "--answer"));
             HeadlessProcess caller = HeadlessProcess.start("ann", temp, false,
                     flags(server, "ann", "room", "--call", "--duration", "35s"))) {
            caller.awaitLine("first_frame", Waits.PROCESS_START);
            callee.awaitLine("first_frame", Waits.PROCESS_START);

            server.stop();
            long stoppedAt = System.currentTimeMillis();
            for (HeadlessProcess p : List.of(caller, callee)) {
                p.awaitLine("signaling", l -> l.get("ts").getAsLong() >= stoppedAt - 1_000
                        && !l.get("state").getAsString().equals("connected"), Waits.PROCESS_START);
                long framesAtStop = lastFrames(p);
                p.awaitLine("stats", s -> s.get("ts").getAsLong() > stoppedAt
                        && s.getAsJsonObject("rendered").get("frames").getAsLong() >= framesAtStop + 15, Waits.PROCESS_START);
            }
            assertThat(caller.lines("signaling")).as("still down while frames arrived").last()
                    .satisfies(l -> assertThat(l.get("state").getAsString()).isNotEqualTo("connected"));

            server.startAgain();
            for (HeadlessProcess p : List.of(caller, callee)) {
                long resumedAt = p.awaitLine("session", l -> l.get("resumed").getAsBoolean(), Waits.PROCESS_START).get("ts").getAsLong();
                p.awaitLine("signaling", l -> l.get("ts").getAsLong() > stoppedAt
                        && l.get("state").getAsString().equals("connected"), Waits.PROCESS_START);
                long framesAtResume = lastFrames(p);
                p.awaitLine("stats", s -> s.get("ts").getAsLong() > resumedAt
                        && s.getAsJsonObject("rendered").get("frames").getAsLong() >= framesAtResume + 15, Waits.PROCESS_START);
                assertThat(p.first("call_ended")).as("the call survived the restart\n%s", p).isEmpty();
            }

            // The caller's 35 s run out and it hangs up through the restarted server; both finish cleanly.
            assertThat(caller.awaitExit(Duration.ofSeconds(35).plus(Waits.PROCESS_EXIT))).as("%s", caller).isZero();
            assertThat(callee.awaitExit(Waits.PROCESS_EXIT)).as("%s", callee).isZero();
            assertThat(caller.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("local_hangup");
            assertThat(callee.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("remote_hangup");
        }
    }

    private static long lastFrames(HeadlessProcess p) {
        return p.lines("stats").stream().reduce((a, b) -> b)
                .map(s -> s.getAsJsonObject("rendered").get("frames").getAsLong()).orElse(0L);
    }
}
