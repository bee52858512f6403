package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/** --media screen shares the caller's X display (Robot capture); runs under xvfb-run, skipped without DISPLAY. */
class ScreenShareTest {

    @TempDir
    Path temp;

    @Test
    void the_callee_receives_the_callers_screen_at_the_displays_size() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs an X display (run under xvfb-run -a)");
        try (TestServer server = TestServer.start(temp.resolve("server"));
             HeadlessProcess viewer = HeadlessProcess.start("viewer", temp, false,
                     flags(server, "viewer", "screens", "--answer"));
             HeadlessProcess sharer = HeadlessProcess.start("sharer", temp, true,
                     flags(server, "sharer", "screens", "--call", "--media", "screen", "--duration", "6s"))) {

            JsonObject shared = sharer.awaitLine("screen_share", Waits.PROCESS_START);
            assertThat(shared.get("ok").getAsBoolean()).as("%s", sharer).isTrue();
            int width = shared.get("width").getAsInt();
            int height = shared.get("height").getAsInt();

            viewer.awaitLine("remote_media", l -> l.get("screen").getAsBoolean(), Waits.PROCESS_START);
            viewer.awaitLine("stats", s -> s.getAsJsonObject("rendered").get("width").getAsInt() == width
                    && s.getAsJsonObject("rendered").get("height").getAsInt() == height
                    && s.getAsJsonObject("rendered").get("frames").getAsLong() > 0, Waits.PROCESS_START);

            assertThat(sharer.awaitExit(Waits.PROCESS_EXIT)).as("%s", sharer).isZero();
            assertThat(viewer.awaitExit(Waits.PROCESS_EXIT)).as("%s", viewer).isZero();
        }
    }
}
