package app.duet.client.headless;

import static app.duet.client.headless.HeadlessCallTest.EXIT;
import static app.duet.client.headless.HeadlessCallTest.START;
import static app.duet.client.headless.HeadlessCallTest.flags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --media screen shares the caller's X display (Robot capture); runs under xvfb-run, skipped without DISPLAY. */
class ScreenShareTest {

    @TempDir
    Path temp;

    @Test
    void the_callee_receives_the_callers_screen_at_the_displays_size() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs an X display (run under xvfb-run -a)");
        try (ServerFixture server = ServerFixture.start(temp.resolve("server"));
             HeadlessProcess viewer = HeadlessProcess.start("viewer", temp, false,
                     flags(server, "viewer", "screens", "--answer"));
             HeadlessProcess sharer = HeadlessProcess.start("sharer", temp, true,
                     flags(server, "sharer", "screens", "--call", "--media", "screen", "--duration", "6s"))) {

            JsonObject shared = sharer.awaitLine("screen_share", START);
            assertThat(shared.get("ok").getAsBoolean()).as("%s", sharer).isTrue();
            int width = shared.get("width").getAsInt();
            int height = shared.get("height").getAsInt();

            viewer.awaitLine("remote_media", l -> l.get("screen").getAsBoolean(), START);
            viewer.awaitLine("stats", s -> s.getAsJsonObject("rendered").get("width").getAsInt() == width
                    && s.getAsJsonObject("rendered").get("height").getAsInt() == height
                    && s.getAsJsonObject("rendered").get("frames").getAsLong() > 0, START);

            assertThat(sharer.awaitExit(EXIT)).as("%s", sharer).isZero();
            assertThat(viewer.awaitExit(EXIT)).as("%s", viewer).isZero();
        }
    }
}
