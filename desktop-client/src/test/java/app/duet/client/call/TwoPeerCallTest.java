package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;

import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.media.SyntheticLook;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two real libwebrtc peers in one JVM, headless audio, synthetic camera and microphone. */
class TwoPeerCallTest {

    private static final Duration CONNECT = Waits.CALL;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path downloads;

    @Test
    void a_call_without_audio_carries_video_and_no_sound() {
        MediaSettings silent = MediaSettings.synthetic("Vic").withAudio(AudioChoice.NONE);
        try (CallPair pair = new CallPair(MEDIA.get(), silent, downloads).start()) {
            awaitConnected(pair);

            // Two seconds of video: with an audio track the tone would be heard well within that.
            await().atMost(CONNECT).until(() -> pair.callee.remoteVideo().publishedFrames() > 60
                    && pair.caller.remoteVideo().publishedFrames() > 60);
            assertThat(pair.callee.remoteAudioLevel()).as("no sound reaches the callee").isZero();
            assertThat(pair.caller.remoteAudioLevel()).as("no sound reaches the caller").isZero();
            pair.caller.setMicrophoneMuted(true); // nothing to mute, and no failure either
        }
    }

    @Test
    void the_camera_like_picture_prepared_on_its_first_frame_reaches_both_sides() {
        MediaSettings camera = MediaSettings.synthetic("Vic").withAudio(AudioChoice.NONE).withLook(SyntheticLook.CAMERA_LIKE);
        try (CallPair pair = new CallPair(MEDIA.get(), camera, downloads).start()) {
            awaitConnected(pair);

            for (CallSession side : new CallSession[] {pair.caller, pair.callee}) {
                ArgbFrame frame = await().atMost(CONNECT).until(() -> latest(side.remoteVideo()), f -> FrameStamp
                        .decodeFrameNumber(f.toIntArray(), f.width(), f.height()).isPresent());
                assertThat(frame.width()).isEqualTo(640);
                assertThat(frame.height()).isEqualTo(480);
                long first = FrameStamp.decodeFrameNumber(frame.toIntArray(), 640, 480).getAsLong();
                await().atMost(CONNECT).until(() -> {
                    ArgbFrame later = side.remoteVideo().poll();
                    return later != null && FrameStamp.decodeFrameNumber(later.toIntArray(), later.width(),
                            later.height()).orElse(0) > first + 10;
                });
            }
        }
    }

    @Test
    void synthetic_video_and_tone_reach_the_far_side_and_safety_codes_match() {
        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Alice"), downloads).start()) {
            awaitConnected(pair);

            LatestFrameHolder remote = pair.callee.remoteVideo();
            await().atMost(CONNECT).until(() -> remote.publishedFrames() > 30);
            ArgbFrame frame = latest(remote);
            assertThat(frame.width()).isEqualTo(640);
            assertThat(frame.height()).isEqualTo(480);
            OptionalLong stamped = FrameStamp.decodeFrameNumber(frame.toIntArray(), frame.width(), frame.height());
            assertThat(stamped).as("frame stamp survives encoding").isPresent();
            long first = stamped.getAsLong();
            await().atMost(CONNECT).until(() -> {
                ArgbFrame later = remote.poll();
                return later != null && FrameStamp.decodeFrameNumber(later.toIntArray(), later.width(),
                        later.height()).orElse(0) > first + 10;
            });

            await().atMost(CONNECT).untilAsserted(() -> assertThat(pair.callee.remoteAudioLevel())
                    .as("tone energy on the callee").isGreaterThan(0.05));
            await().atMost(CONNECT).untilAsserted(() -> assertThat(pair.caller.remoteAudioLevel())
                    .as("tone energy on the caller").isGreaterThan(0.05));

            await().atMost(CONNECT).until(() -> !pair.callerEvents.safetyCodes.isEmpty()
                    && !pair.calleeEvents.safetyCodes.isEmpty());
            assertThat(pair.callerEvents.safetyCodes.get(0)).matches("\\d{3} \\d{3}")
                    .isEqualTo(pair.calleeEvents.safetyCodes.get(0));

            await().atMost(CONNECT).untilAsserted(() -> {
                CallQuality q = pair.calleeEvents.lastQuality();
                assertThat(q).isNotNull();
                assertThat(q.incomingWidth()).isEqualTo(640);
                assertThat(q.incomingFps()).isGreaterThan(20);
                assertThat(q.bitrateInKbps()).isPositive();
                assertThat(q.path()).isEqualTo(CallQuality.NetworkPath.DIRECT);
            });
        }
    }

    @Test
    void mute_and_camera_off_are_seen_by_the_far_side() {
        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Bob"), downloads).start()) {
            awaitConnected(pair);
            await().atMost(CONNECT).until(() -> pair.calleeEvents.dataOpen);
            await().atMost(CONNECT).until(() -> pair.caller.remoteAudioLevel() > 0.05);

            pair.callee.setMicrophoneMuted(true);
            pair.callee.setCameraEnabled(false);
            await().atMost(CONNECT).until(() -> new RemoteMediaState(false, false, false)
                    .equals(pair.callerEvents.lastRemoteMedia()));
            await().atMost(CONNECT).untilAsserted(() -> assertThat(pair.caller.remoteAudioLevel())
                    .as("muted audio is silence").isLessThan(0.01));

            pair.callee.setMicrophoneMuted(false);
            pair.callee.setCameraEnabled(true);
            await().atMost(CONNECT).until(() -> RemoteMediaState.INITIAL.equals(pair.callerEvents.lastRemoteMedia()));
            await().atMost(CONNECT).until(() -> pair.caller.remoteAudioLevel() > 0.05);
        }
    }

    @Test
    void chat_and_files_travel_both_ways_intact() throws IOException {
        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Carol")
                .withVideo(MediaSettings.VideoChoice.NONE), downloads).start()) {
            awaitConnected(pair);
            await().atMost(CONNECT).until(() -> pair.callerEvents.dataOpen && pair.calleeEvents.dataOpen);

            pair.caller.sendChat("hello from the caller").join();
            pair.callee.sendChat("héllo back ✓").join();
            await().atMost(CONNECT).until(() -> pair.calleeEvents.chats.stream()
                    .anyMatch(m -> !m.fromMe() && m.text().equals("hello from the caller")));
            await().atMost(CONNECT).until(() -> pair.callerEvents.chats.stream()
                    .anyMatch(m -> !m.fromMe() && m.text().equals("héllo back ✓")));

            byte[] big = new byte[3 * 1024 * 1024 + 123];
            new Random(42).nextBytes(big);
            Path bigFile = Files.write(downloads.resolve("big.bin"), big);
            byte[] small = "a small note".getBytes();
            Path smallFile = Files.write(downloads.resolve("note.txt"), small);

            String up = pair.caller.sendFile(bigFile);
            String down = pair.callee.sendFile(smallFile);
            // Nothing arrives until the receiver accepts the offer.
            awaitOffer(pair.calleeEvents, up);
            awaitOffer(pair.callerEvents, down);
            assertThat(pair.calleeEvents.files).noneMatch(u -> u.transferId().equals(up) && u.bytesDone() > 0);
            pair.callee.acceptFile(up);
            pair.caller.acceptFile(down);

            FileTransferUpdate received = awaitFile(pair.calleeEvents, up, Direction.INCOMING);
            assertThat(received.status()).isEqualTo(Status.COMPLETED);
            assertThat(Files.readAllBytes(received.savedTo())).isEqualTo(big);
            assertThat(awaitFile(pair.callerEvents, up, Direction.OUTGOING).status()).isEqualTo(Status.COMPLETED);
            assertThat(pair.calleeEvents.files).anyMatch(u -> u.transferId().equals(up)
                    && u.status() == Status.IN_PROGRESS && u.bytesDone() > 0 && u.bytesDone() < big.length);

            FileTransferUpdate note = awaitFile(pair.callerEvents, down, Direction.INCOMING);
            assertThat(note.status()).isEqualTo(Status.COMPLETED);
            assertThat(Files.readAllBytes(note.savedTo())).isEqualTo(small);

            Path unwanted = Files.write(downloads.resolve("unwanted.txt"), "no thanks".getBytes());
            String declined = pair.caller.sendFile(unwanted);
            awaitOffer(pair.calleeEvents, declined);
            pair.callee.declineFile(declined);
            assertThat(awaitFile(pair.callerEvents, declined, Direction.OUTGOING).status()).isEqualTo(Status.DECLINED);
            assertThat(awaitFile(pair.calleeEvents, declined, Direction.INCOMING).status()).isEqualTo(Status.DECLINED);
            assertThat(pair.calleeEvents.files).noneMatch(u -> u.transferId().equals(declined)
                    && (u.savedTo() != null || u.bytesDone() > 0));
        }
    }

    private static void awaitOffer(RecordingListener events, String id) {
        await().atMost(Waits.SLOW_CALL).until(() -> events.files.stream().anyMatch(u -> u.transferId().equals(id)
                && u.direction() == Direction.INCOMING && u.status() == Status.OFFERED));
    }

    private static FileTransferUpdate awaitFile(RecordingListener events, String id, Direction direction) {
        return await().atMost(Waits.SLOW_CALL).until(() -> events.files.stream()
                .filter(u -> u.transferId().equals(id) && u.direction() == direction
                        && u.status() != Status.IN_PROGRESS && u.status() != Status.OFFERED)
                .findFirst().orElse(null), u -> u != null);
    }

    static void awaitConnected(CallPair pair) {
        await().atMost(CONNECT).until(() -> pair.caller.state() == CallState.CONNECTED
                && pair.callee.state() == CallState.CONNECTED);
    }

    static ArgbFrame latest(LatestFrameHolder holder) {
        return await().atMost(CONNECT).until(holder::poll, f -> f != null);
    }
}
