package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.EXIT;
import static app.duet.client.headless.HeadlessCallTest.START;
import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signaling server stops mid-call and a new one starts on the same port and database. Media is peer to
 * peer, so pictures keep arriving during the outage; both clients reconnect and resume their sessions.
 */
class ServerRestartTest {

    @TempDir
    Path temp;

    @Test
    void pictures_keep_flowing_while_the_server_is_down_and_both_sessions_resume() throws Exception {
        try (ServerFixture server = ServerFixture.start(temp.resolve("server"));
             HeadlessProcess callee = HeadlessProcess.start("bob", temp, false,
                     flags(server, "bob", "room", "--answer"));
             HeadlessProcess caller = HeadlessProcess.start("ann", temp, false,
                     flags(server, "ann", "room", "--call", "--duration", "30s"))) {
            caller.awaitLine("first_frame", START);
            callee.awaitLine("first_frame", START);

            server.stop();
            long stoppedAt = System.currentTimeMillis();
            for (HeadlessProcess p : List.of(caller, callee)) {
                p.awaitLine("signaling", l -> l.get("ts").getAsLong() >= stoppedAt - 1_000
                        && !l.get("state").getAsString().equals("connected"), START);
                long framesAtStop = lastFrames(p);
                p.awaitLine("stats", s -> s.get("ts").getAsLong() > stoppedAt
                        && s.getAsJsonObject("rendered").get("frames").getAsLong() >= framesAtStop + 15, START);
            }
            assertThat(caller.lines("signaling")).as("still down while frames arrived").last()
                    .satisfies(l -> assertThat(l.get("state").getAsString()).isNotEqualTo("connected"));

            server.startAgain();
            for (HeadlessProcess p : List.of(caller, callee)) {
                p.awaitLine("session", l -> l.get("resumed").getAsBoolean(), START);
                p.awaitLine("signaling", l -> l.get("ts").getAsLong() > stoppedAt
                        && l.get("state").getAsString().equals("connected"), START);
            }
            // The restarted server has no record of the call (calls live in memory), so the call engine ends it
            // when the resume comes back without it; the processes report that as a lost call and exit.
            for (HeadlessProcess p : List.of(caller, callee)) {
                assertThat(p.awaitExit(Duration.ofSeconds(45).plus(EXIT))).as("%s", p)
                        .isEqualTo(ExitCode.CALL_LOST.code());
                assertThat(p.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("disconnected");
            }
        }
    }

    private static long lastFrames(HeadlessProcess p) {
        return p.lines("stats").stream().reduce((a, b) -> b)
                .map(s -> s.getAsJsonObject("rendered").get("frames").getAsLong()).orElse(0L);
    }
}
