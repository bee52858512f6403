package app.duet.client.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.testing.HostileServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Request;

/**
 * The headless client, in this JVM, answering calls from a {@link HostileServer}: garbage and a flood before
 * the ring change nothing, and an offer it cannot use ends the run with "call failed", named in its output.
 */
class HostileServerHeadlessTest {

    @TempDir
    Path temp;

    @Test
    void garbage_then_an_unusable_offer_ends_the_run_as_a_failed_call() throws Exception {
        Path out = temp.resolve("ann.jsonl");
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try (HostileServer server = HostileServer.listen()) {
            Future<Integer> exit = runner.submit(() -> HeadlessMain.run(new String[] {"--server",
                    server.uri().toString(), "--user", "ann", "--password", "correct horse", "--signup",
                    "--channel", HostileServer.CHANNEL, "--synthetic", "--size", "320x240", "--fps", "15",
                    "--answer", "--wait", "60s", "--json-out", out.toString()}));
            await().atMost(Waits.PROCESS_START).until(() -> first(out, "ready").isPresent());

            server.sendRaw("{not json");
            server.sendRaw("{\"type\":\"surprise\"}");
            for (int i = 0; i < 1000; i++) {
                server.send(new Event.CallEnded("flood-" + i, EndReason.HANGUP));
            }
            server.ring("bad-offer");
            await().atMost(Waits.CALL).until(() -> server.heard(Request.CallAccept.class));
            server.send(new Event.Offer("bad-offer", HostileServer.PEER, "this is not a session description"));

            assertThat(exit.get(Waits.CALL.toSeconds(), TimeUnit.SECONDS)).isEqualTo(ExitCode.CALL_FAILED.code());
            assertThat(first(out, "incoming")).isPresent();
            assertThat(first(out, "problem").orElseThrow().get("message").getAsString()).contains("could not");
            assertThat(first(out, "exit").orElseThrow().get("reason").getAsString()).isEqualTo("call_failed");
            assertThat(server.heard(Request.CallHangup.class)).as("the far side was told").isTrue();
        } finally {
            runner.shutdown();
        }
    }

    private static Optional<JsonObject> first(Path out, String type) throws IOException {
        if (!Files.exists(out)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(out);
        return lines.stream().filter(l -> !l.isBlank()).map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(o -> o.has("type") && type.equals(o.get("type").getAsString())).findFirst();
    }
}
