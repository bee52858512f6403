package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * The echo bot answers call after call, sends back chat, files, the caller's own video and sound, and stops
 * cleanly on SIGTERM.
 */
class EchoBotTest {

    @TempDir
    Path temp;

    @Test
    void the_echo_bot_returns_chat_and_files_and_takes_a_second_call() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path file = Files.write(temp.resolve("photo.bin"), content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        try (TestServer server = TestServer.start(temp.resolve("server"));
             HeadlessProcess bot = HeadlessProcess.start("echo", temp, false, flags(server, "echo", "test-call",
                     "--echo", "--download-dir", temp.resolve("bot-files").toString()))) {
            bot.awaitLine("ready", Waits.PROCESS_START);

            // Ann sends 16:9; the bot's own pattern would be 4:3, so 16:9 stamped frames are her own coming back.
            List<String> annFlags = flags(server, "ann", "test-call", "--call", "--duration", "8s",
                    "--chat", "hello echo", "--send-file", file.toString(),
                    "--download-dir", temp.resolve("ann-files").toString());
            annFlags.set(annFlags.indexOf("--size") + 1, "480x270");
            try (HeadlessProcess first = HeadlessProcess.start("ann", temp, false, annFlags)) {
                first.awaitLine("chat", l -> !l.get("fromMe").getAsBoolean()
                        && l.get("text").getAsString().equals("hello echo"), Waits.PROCESS_START);
                JsonObject back = first.awaitLine("file", l -> l.get("direction").getAsString().equals("incoming"),
                        Waits.PROCESS_START);
                assertThat(back.get("status").getAsString()).isEqualTo("completed");
                assertThat(back.get("sha256").getAsString()).isEqualTo(sha256);
                assertThat(back.get("size").getAsLong()).isEqualTo(content.length);
                assertThat(first.awaitExit(Waits.PROCESS_EXIT)).as("first caller\n%s", first).isZero();
                assertThat(first.lines("stats")).as("%s", first).anySatisfy(s -> {
                    JsonObject rendered = s.getAsJsonObject("rendered");
                    assertThat(rendered.has("stamp")).as("a stamped frame").isTrue();
                    assertThat(rendered.get("width").getAsDouble() / rendered.get("height").getAsDouble())
                            .as("16:9").isCloseTo(16.0 / 9, org.assertj.core.data.Offset.offset(0.05));
                    assertThat(s.get("audioLevel").getAsDouble()).as("her tone").isGreaterThan(0.05);
                });
            }

            try (HeadlessProcess second = HeadlessProcess.start("ann-again", temp, false, flags(server, "ann",
                    "test-call", "--call", "--media", "audio", "--duration", "3s"))) {
                assertThat(second.awaitExit(Waits.PROCESS_START)).as("second caller\n%s", second).isZero();
                assertThat(second.lines("stats")).as("%s", second).anySatisfy(s ->
                        assertThat(s.get("audioLevel").getAsDouble()).isGreaterThan(0.05));
            }
            assertThat(bot.lines("call_ended")).hasSize(2);
            assertThat(bot.isAlive()).as("the bot stays for further calls").isTrue();

            bot.terminate();
            bot.awaitExit(Waits.PROCESS_EXIT);
            assertThat(bot.awaitLine("exit", Waits.PROCESS_EXIT).get("reason").getAsString())
                    .as("a signal closes the bot cleanly").isEqualTo("ok");
        }
    }
}
