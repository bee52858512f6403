package app.duet.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/**
 * A self-view that follows the remote video draws its frames in the remote video's pulses while that one
 * draws (one present for both), and in pulses of its own when there is no remote video or it stopped.
 */
class VideoViewFollowTest {
    /** Long enough that a loaded machine never lets a waiting frame time out during the test. */
    private static final Duration NEVER = Duration.ofMinutes(5);

    private final LatestFrameHolder remoteFrames = new LatestFrameHolder();
    private final LatestFrameHolder selfFrames = new LatestFrameHolder();
    /** Frames drawn so far (remote, self), recorded after each pulse's animations and layout. */
    private final List<Drawn> pulses = new CopyOnWriteArrayList<>();
    private VideoView remote;
    private VideoView self;
    private Stage stage;

    private record Drawn(long remote, long self) {
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void selfViewFramesWaitForTheRemoteVideosPulse() throws Exception {
        show(NEVER);
        publish(remoteFrames, 1);
        await().atMost(Waits.UI).until(() -> UiClient.onFx(remote::drawnFrames) == 1);

        for (int round = 1; round <= 3; round++) {
            long selfDrawn = round - 1;
            publish(selfFrames, round);
            int seen = pulses.size();
            // Pulses run while the self-view's frame waits (or it drew at once, which the assertion reports).
            await().atMost(Waits.UI).until(() -> pulses.size() >= seen + 5 || pulses.get(pulses.size() - 1).self() > selfDrawn);
            assertThat(UiClient.onFx(self::drawnFrames)).as("the self-view waits for the remote frame").isEqualTo(selfDrawn);

            publish(remoteFrames, round + 1);
            await().atMost(Waits.UI).until(() -> UiClient.onFx(self::drawnFrames) == selfDrawn + 1);
        }
        assertThat(UiClient.onFx(remote::drawnFrames)).isEqualTo(4);
        assertThat(selfOnlyPulses()).as("pulses where only the self-view drew").isZero();
    }

    @Test
    void withoutRemoteVideoTheSelfViewDrawsAtOnce() throws Exception {
        show(NEVER);
        for (int frame = 1; frame <= 3; frame++) {
            publish(selfFrames, frame);
            long drawn = frame;
            await().atMost(Waits.UI).until(() -> UiClient.onFx(self::drawnFrames) == drawn);
        }
        assertThat(UiClient.onFx(remote::drawnFrames)).isZero();
    }

    @Test
    void selfViewDrawsOnItsOwnOnceTheRemoteVideoStops() throws Exception {
        show(Duration.ofMillis(200));
        publish(remoteFrames, 1);
        await().atMost(Waits.UI).until(() -> UiClient.onFx(remote::drawnFrames) == 1);

        for (int frame = 1; frame <= 3; frame++) {
            publish(selfFrames, frame);
            long drawn = frame;
            await().atMost(Waits.UI).until(() -> UiClient.onFx(self::drawnFrames) == drawn);
        }
        assertThat(selfOnlyPulses()).as("the self-view drew without the remote video").isEqualTo(3);
    }

    private void show(Duration followWait) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            remote = new VideoView(new Label("remote"));
            self = new VideoView(new Label("self"));
            self.setMaxSize(80, 45);
            self.follow(remote, followWait);
            remote.attach(remoteFrames);
            self.attach(selfFrames);
            Scene scene = new Scene(new StackPane(remote, self), 320, 200);
            scene.addPostLayoutPulseListener(() -> pulses.add(new Drawn(remote.drawnFrames(), self.drawnFrames())));
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
    }

    /** Pulses in which the self-view drew a frame and the remote video none. */
    private long selfOnlyPulses() {
        long count = 0;
        for (int i = 1; i < pulses.size(); i++) {
            Drawn before = pulses.get(i - 1);
            Drawn after = pulses.get(i);
            if (after.self() > before.self() && after.remote() == before.remote()) {
                count++;
            }
        }
        return count;
    }

    private static void publish(LatestFrameHolder holder, int shade) {
        holder.publish(16, 9, frame -> {
            var pixels = frame.target().asIntBuffer();
            while (pixels.hasRemaining()) {
                pixels.put(0xFF000000 | shade * 0x101010);
            }
        });
    }
}
