package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import app.duet.client.call.video.FrameStamp;
import app.duet.client.testing.SharedMediaEngine;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Y4M file carries the synthetic camera's frames in order, as another client's camera reads them. */
class SyntheticVideoFileTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;
    private static final String HEADER = "YUV4MPEG2 W320 H180 F30:1 Ip A1:1 C420jpeg\n";
    private static final int FRAME_BYTES = "FRAME\n".length() + WIDTH * HEIGHT * 3 / 2;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine(); // loads libwebrtc, which converts the frames

    @TempDir
    Path dir;

    @Test
    void each_look_is_written_frame_by_frame_with_its_stamp() throws Exception {
        for (SyntheticLook look : SyntheticLook.values()) {
            Path file = dir.resolve(look + ".y4m");
            SyntheticVideoFile.writeY4m(MediaSettings.synthetic("Vic").withSize(WIDTH, HEIGHT, 30).withLook(look), 3, file);

            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, HEADER.length(), StandardCharsets.US_ASCII)).isEqualTo(HEADER);
            assertThat(bytes).hasSize(HEADER.length() + 3 * FRAME_BYTES);
            for (int frame = 0; frame < 3; frame++) {
                int start = HEADER.length() + frame * FRAME_BYTES;
                assertThat(new String(bytes, start, 6, StandardCharsets.US_ASCII)).isEqualTo("FRAME\n");
                int[] argb = toArgb(bytes, start + 6);
                assertThat(FrameStamp.decodeFrameNumber(argb, WIDTH, HEIGHT)).as("%s frame %d", look, frame)
                        .hasValue(frame + 1);
            }
        }
    }

    @Test
    void the_camera_like_picture_differs_from_frame_to_frame_below_the_stamp() throws Exception {
        Path file = dir.resolve("camera.y4m");
        SyntheticVideoFile.writeY4m(MediaSettings.synthetic("Vic").withSize(WIDTH, HEIGHT, 30)
                .withLook(SyntheticLook.CAMERA_LIKE), 2, file);

        byte[] bytes = Files.readAllBytes(file);
        int below = FrameStamp.stampHeight(WIDTH) * WIDTH;
        int first = HEADER.length() + 6;
        int second = first + FRAME_BYTES;
        assertThat(Arrays.equals(bytes, first + below, first + WIDTH * HEIGHT,
                bytes, second + below, second + WIDTH * HEIGHT)).as("the luma of two frames").isFalse();
    }

    /** One frame's planes back to ARGB, as the far side of a call converts what it decoded. */
    private static int[] toArgb(byte[] file, int offset) throws Exception {
        NativeI420Buffer i420 = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        try {
            int chroma = (WIDTH / 2) * (HEIGHT / 2);
            fill(i420.getDataY(), i420.getStrideY(), file, offset, WIDTH, HEIGHT);
            fill(i420.getDataU(), i420.getStrideU(), file, offset + WIDTH * HEIGHT, WIDTH / 2, HEIGHT / 2);
            fill(i420.getDataV(), i420.getStrideV(), file, offset + WIDTH * HEIGHT + chroma, WIDTH / 2, HEIGHT / 2);
            byte[] argb = new byte[WIDTH * HEIGHT * 4];
            VideoBufferConverter.convertFromI420(i420, argb, FourCC.ARGB);
            int[] pixels = new int[WIDTH * HEIGHT];
            ByteBuffer.wrap(argb).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(pixels);
            return pixels;
        } finally {
            i420.release();
        }
    }

    private static void fill(ByteBuffer plane, int stride, byte[] file, int offset, int width, int height) {
        for (int y = 0; y < height; y++) {
            plane.put(y * stride, file, offset + y * width, width);
        }
    }
}
