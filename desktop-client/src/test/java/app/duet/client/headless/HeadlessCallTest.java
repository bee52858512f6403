package app.duet.client.headless;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/** Two headless client processes call each other through the real server; everything is read from their JSON lines. */
class HeadlessCallTest {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessCallTest.class);

    @TempDir
    Path temp;

    @Test
    void a_video_call_between_two_processes_delivers_pictures_and_tone_and_both_exit_zero() throws Exception {
        try (TestServer server = TestServer.start(temp.resolve("server"));
             HeadlessProcess callee = HeadlessProcess.start("bob", temp, false,
                     flags(server, "bob", "room", "--answer"));
             HeadlessProcess caller = HeadlessProcess.start("ann", temp, false,
                     flags(server, "ann", "room", "--call", "--duration", "5s"))) {

            JsonObject annConnected = caller.awaitLine("connected", Waits.PROCESS_START);
            JsonObject bobConnected = callee.awaitLine("connected", Waits.PROCESS_START);

            assertThat(caller.awaitExit(Waits.PROCESS_EXIT)).as("caller exit code\n%s", caller).isZero();
            assertThat(callee.awaitExit(Waits.PROCESS_EXIT)).as("callee exit code\n%s", callee).isZero();

            for (HeadlessProcess p : List.of(caller, callee)) {
                assertThat(p.lines("stats")).as("%s", p).anySatisfy(s -> {
                    JsonObject rendered = s.getAsJsonObject("rendered");
                    assertThat(rendered.get("width").getAsInt()).isEqualTo(320);
                    assertThat(rendered.get("height").getAsInt()).isEqualTo(240);
                    assertThat(rendered.get("fps").getAsDouble()).isGreaterThan(10);
                    assertThat(rendered.has("stamp")).as("the synthetic frame stamp survived decoding").isTrue();
                    assertThat(s.getAsJsonObject("videoIn").get("width").getAsInt()).isEqualTo(320);
                    assertThat(s.get("audioLevel").getAsDouble()).as("the far side's tone").isGreaterThan(0.05);
                    assertThat(s.get("path").getAsString()).isEqualTo("direct");
                    assertThat(s.get("kbpsIn").getAsLong()).isPositive();
                });
                assertThat(p.first("exit").orElseThrow().get("code").getAsInt()).isZero();
            }
            String annCode = caller.first("safety_code").orElseThrow().get("code").getAsString();
            String bobCode = callee.first("safety_code").orElseThrow().get("code").getAsString();
            assertThat(annCode).matches("\\d{3} \\d{3}").isEqualTo(bobCode);
            assertThat(caller.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("local_hangup");
            assertThat(callee.first("call_ended").orElseThrow().get("reason").getAsString()).isEqualTo("remote_hangup");
            LOG.info("headless call: setup caller {} ms, callee {} ms; first frame caller {} ms; rendered fps {}",
                    annConnected.get("setupMs").getAsLong(), bobConnected.get("setupMs").getAsLong(),
                    caller.first("first_frame").map(l -> l.get("elapsedMs").toString()).orElse("?"),
                    caller.lines("stats").stream().map(s -> s.getAsJsonObject("rendered").get("fps").toString()).toList());
        }
    }

    /** Flags every test run uses: this server, a signed-up account, small synthetic video. */
    /**
     * Two bots started together meet in a private channel as the app's bots do: whichever creates it lets the
     * other in when asked (--admit-requests).
     */
    static List<String> flags(TestServer server, String user, String channel, String... more) {
        List<String> args = new ArrayList<>(List.of("--server", server.uri().toString(), "--user", user, "--signup",
                "--channel", channel, "--admit-requests", "--synthetic", "--size", "320x240", "--fps", "15"));
        args.addAll(List.of(more));
        return args;
    }
}
