package app.duet.client.call.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LatestFrameHolderTest {

    private static void publish(LatestFrameHolder holder, int value) {
        holder.publish(2, 2, frame -> {
            var pixels = frame.target().asIntBuffer();
            for (int i = 0; i < 4; i++) {
                pixels.put(i, value);
            }
        });
    }

    @Test
    void keeps_only_the_newest_frame_and_counts_drops() {
        LatestFrameHolder holder = new LatestFrameHolder();
        AtomicInteger ready = new AtomicInteger();
        holder.setReadyListener(ready::incrementAndGet);

        assertThat(holder.poll()).isNull();
        publish(holder, 1);
        publish(holder, 2);
        publish(holder, 3);
        assertThat(ready).as("one redraw request while unread").hasValue(1);

        ArgbFrame frame = holder.poll();
        assertThat(frame.toIntArray()).containsOnly(3);
        assertThat(frame.sequence()).isEqualTo(3);
        assertThat(holder.droppedFrames()).isEqualTo(2);
        assertThat(holder.poll()).isNull();

        publish(holder, 4);
        assertThat(ready).hasValue(2);
        assertThat(frame.toIntArray()).as("held frame untouched by the producer").containsOnly(3);
        assertThat(holder.poll().toIntArray()).containsOnly(4);
    }

    @Test
    void a_poll_that_finds_nothing_still_rearms_the_ready_listener() {
        LatestFrameHolder holder = new LatestFrameHolder();
        AtomicInteger ready = new AtomicInteger();
        holder.setReadyListener(ready::incrementAndGet);
        publish(holder, 1);
        assertThat(ready).hasValue(1);

        // The consumer, told of frame 1, polls while the producer is rewriting that unread buffer as frame 2:
        // it finds nothing, so it must be told again once frame 2 is in.
        AtomicReference<ArgbFrame> polledMeanwhile = new AtomicReference<>();
        holder.publish(2, 2, frame -> polledMeanwhile.set(holder.poll()));
        assertThat(polledMeanwhile.get()).isNull();
        assertThat(ready).as("told of frame 2").hasValue(2);
        assertThat(holder.poll().sequence()).isEqualTo(2);
    }

    @Test
    void a_new_listener_hears_the_next_frame_even_if_earlier_ones_were_never_polled() {
        LatestFrameHolder holder = new LatestFrameHolder();
        publish(holder, 1); // nobody listening, nobody polling
        AtomicInteger ready = new AtomicInteger();
        holder.setReadyListener(ready::incrementAndGet);
        publish(holder, 2);
        assertThat(ready).hasValue(1);
        assertThat(holder.poll().toIntArray()).containsOnly(2);
    }

    @Test
    void a_slow_consumer_causes_no_new_buffers() {
        LatestFrameHolder holder = new LatestFrameHolder();
        publish(holder, 1);
        ArgbFrame held = holder.poll();
        java.util.Set<ArgbFrame> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 50; i++) {
            holder.publish(2, 2, seen::add);
        }
        assertThat(seen).as("buffers in rotation besides the held one").hasSizeLessThanOrEqualTo(2)
                .doesNotContain(held);
        assertThat(holder.poll().sequence()).isEqualTo(51);
    }

    @Test
    void argb_ints_and_bgra_bytes_view_the_same_pixel() {
        LatestFrameHolder holder = new LatestFrameHolder();
        publish(holder, 0xFF112233);
        ArgbFrame frame = holder.poll();
        var bytes = frame.bytes();
        assertThat(new byte[] {bytes.get(0), bytes.get(1), bytes.get(2), bytes.get(3)})
                .containsExactly(0x33, 0x22, 0x11, (byte) 0xFF);
    }
}
