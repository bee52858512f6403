package app.duet.client.call;

import static app.duet.client.call.TwoPeerCallTest.awaitConnected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Offer collisions, ICE restarts and cancelled transfers between two real peers. */
class NegotiationEdgeCasesTest {

    private static final Duration WAIT = Waits.CALL;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path downloads;

    @Test
    void both_sides_adding_video_at_once_resolves_by_perfect_negotiation() {
        MediaSettings audioOnly = MediaSettings.synthetic("Gus").withSize(320, 240, 15).withVideo(VideoChoice.NONE);
        try (MediaEngine calleeEngine = MediaEngine.start(AudioMode.HEADLESS);
             CallPair pair = new CallPair(MEDIA.get(), calleeEngine, audioOnly, audioOnly, downloads, List.of(), false)
                     .start()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.caller.remoteAudioLevel() > 0.05
                    && pair.callee.remoteAudioLevel() > 0.05);
            pair.caller.useSyntheticVideo();
            pair.callee.useSyntheticVideo();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(pair.caller.remoteVideo().publishedFrames()).as("video at the caller").isGreaterThan(10);
                assertThat(pair.callee.remoteVideo().publishedFrames()).as("video at the callee").isGreaterThan(10);
            });
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(pair.caller.remoteAudioLevel()).as("tone at the caller").isGreaterThan(0.05);
                assertThat(pair.callee.remoteAudioLevel()).as("tone at the callee").isGreaterThan(0.05);
            });
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
            assertThat(pair.callee.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void both_sides_offering_again_at_once_after_a_resume_keeps_video_flowing_both_ways() {
        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Ivy").withSize(320, 240, 15), downloads)
                .start()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.callee.remoteVideo().publishedFrames() > 5
                    && pair.caller.remoteVideo().publishedFrames() > 5);
            int offersBefore = pair.offersSent.get();

            // Both clients resume after a server restart at the same moment. If both offered, the callee would
            // roll its offer back, and libwebrtc would stop feeding its media (the failure this test caught).
            pair.caller.signalingResumed(true);
            pair.callee.signalingResumed(true);
            await().atMost(WAIT).until(() -> pair.offersSent.get() > offersBefore);
            for (int round = 0; round < 3; round++) {
                long atCaller = pair.caller.remoteVideo().publishedFrames();
                long atCallee = pair.callee.remoteVideo().publishedFrames();
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(pair.caller.remoteVideo().publishedFrames()).as("video at the caller")
                            .isGreaterThan(atCaller + 15);
                    assertThat(pair.callee.remoteVideo().publishedFrames()).as("video at the callee")
                            .isGreaterThan(atCallee + 15);
                });
            }
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
            assertThat(pair.callee.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void ice_restart_renews_the_path_and_media_keeps_flowing() {
        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Hal").withSize(320, 240, 15), downloads)
                .start()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.callee.remoteVideo().publishedFrames() > 5);
            int offersBefore = pair.offersSent.get();

            pair.caller.restartIce();
            await().atMost(WAIT).until(() -> pair.offersSent.get() > offersBefore);
            long framesAtRestart = pair.callee.remoteVideo().publishedFrames();
            await().atMost(WAIT).until(() -> pair.callee.remoteVideo().publishedFrames() > framesAtRestart + 30);
            await().atMost(WAIT).until(() -> pair.callee.remoteAudioLevel() > 0.05);
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void a_receiver_can_cancel_a_transfer_and_nothing_is_left_behind() throws IOException {
        MediaSettings audioOnly = MediaSettings.synthetic("Ivy").withVideo(VideoChoice.NONE);
        try (CallPair pair = new CallPair(MEDIA.get(), audioOnly, downloads).start()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.callerEvents.dataOpen && pair.calleeEvents.dataOpen);
            Path big = Files.write(downloads.resolve("big.bin"), new byte[64 * 1024 * 1024]);

            String id = pair.caller.sendFile(big);
            await().atMost(WAIT).until(() -> hasStatus(pair.calleeEvents, id, Direction.INCOMING, Status.OFFERED));
            pair.callee.acceptFile(id);
            await().atMost(WAIT).until(() -> pair.calleeEvents.files.stream()
                    .anyMatch(u -> u.transferId().equals(id) && u.bytesDone() > 0));
            pair.callee.cancelFile(id);

            await().atMost(WAIT).until(() -> hasStatus(pair.calleeEvents, id, Direction.INCOMING, Status.CANCELLED)
                    && hasStatus(pair.callerEvents, id, Direction.OUTGOING, Status.CANCELLED));
            try (Stream<Path> left = Files.list(downloads.resolve("callee"))) {
                assertThat(left).isEmpty();
            }
            assertThat(pair.calleeEvents.files).noneMatch(u -> u.status() == Status.COMPLETED);

            pair.caller.sendChat("still here").join(); // the channel survives a cancelled transfer
            await().atMost(WAIT).until(() -> pair.calleeEvents.chats.stream().anyMatch(m -> m.text().equals("still here")));
        }
    }

    private static boolean hasStatus(RecordingListener events, String id, Direction direction, Status status) {
        return events.files.stream().anyMatch(u -> u.transferId().equals(id) && u.direction() == direction
                && u.status() == status);
    }
}
