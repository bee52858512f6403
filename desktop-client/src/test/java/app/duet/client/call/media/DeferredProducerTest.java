package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import dev.onvoid.webrtc.media.video.VideoTrack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A synthetic picture is prepared on its first frame, on the pushing thread, never when the video is opened. */
class DeferredProducerTest {

    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @Test
    void nothing_is_prepared_until_the_first_frame_and_then_only_once() {
        AtomicInteger prepared = new AtomicInteger();
        DeferredProducer picture = new DeferredProducer(320, 180, () -> {
            prepared.incrementAndGet();
            return new CameraLikeProducer(320, 180);
        });
        assertThat(prepared).as("prepared when opened").hasValue(0);
        assertThat(picture.width()).isEqualTo(320);
        assertThat(picture.height()).isEqualTo(180);

        int[] frame = new int[320 * 180];
        picture.produce(frame, 1);
        picture.produce(frame, 2);
        assertThat(prepared).hasValue(1);
        assertThat(FrameStamp.decodeFrameNumber(frame, 320, 180)).hasValue(2);
    }

    @Test
    void a_picture_of_another_size_than_promised_is_refused() {
        DeferredProducer picture = new DeferredProducer(320, 180, () -> new CameraLikeProducer(640, 480));
        assertThatThrownBy(() -> picture.produce(new int[320 * 180], 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("640x480").hasMessageContaining("320x180");
    }

    @Test
    void the_synthetic_camera_prepares_each_look_on_its_pushing_thread_and_its_frames_flow() {
        for (SyntheticLook look : SyntheticLook.values()) {
            MediaSettings settings = MediaSettings.synthetic("Vic").withSize(320, 180, 30).withLook(look);
            List<String> preparedOn = new CopyOnWriteArrayList<>();
            FrameProducer picture = VideoSources.picture(settings);
            assertThat(picture).as("%s is deferred", look).isInstanceOf(DeferredProducer.class);
            // The same deferral, watched: which thread prepares the picture.
            FrameProducer watched = new DeferredProducer(320, 180, () -> {
                preparedOn.add(Thread.currentThread().getName());
                return picture;
            });
            LatestFrameHolder shown = new LatestFrameHolder();
            TrackFrameConverter sink = new TrackFrameConverter(shown);
            try (LocalVideoSource source = new PushedVideoSource(VideoSourceKind.SYNTHETIC, "Vic", watched, 30)) {
                VideoTrack track = MEDIA.get().factory().createVideoTrack("deferred-" + look, source.trackSource());
                track.addSink(sink);
                try {
                    await().atMost(Waits.CALL).until(() -> {
                        ArgbFrame frame = shown.poll();
                        return frame != null && FrameStamp.decodeFrameNumber(frame.toIntArray(), frame.width(),
                                frame.height()).isPresent();
                    });
                } finally {
                    track.removeSink(sink);
                    track.dispose();
                }
            }
            assertThat(preparedOn).as("%s prepared once, by the pusher", look).containsExactly("duet-video-synthetic");
        }
    }
}
