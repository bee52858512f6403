package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.util.Charsetfunctions;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/decode-ascii.patch: an ASCII text frame becomes its string with one copy; the text of
 * every frame, ASCII or not, from any part of any buffer, is what the UTF-8 decoder made of it before.
 */
class AsciiDecodeTest {
    private static final String ASCII = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n" + "a".repeat(300) + "\"}";

    @Test
    void textIsTheSameWhereverItLiesInTheBuffer() throws Exception {
        for (String text : List.of(ASCII, ASCII + "é€😀", "é" + ASCII, "", "\u007f")) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] padded = new byte[utf8.length + 8];
            System.arraycopy(utf8, 0, padded, 5, utf8.length);
            ByteBuffer slice = ByteBuffer.wrap(padded, 3, utf8.length + 4).slice().position(2).limit(utf8.length + 2);
            ByteBuffer direct = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();

            assertThat(Charsetfunctions.stringUtf8(ByteBuffer.wrap(utf8))).isEqualTo(text);
            assertThat(Charsetfunctions.stringUtf8(slice)).isEqualTo(text);
            assertThat(Charsetfunctions.stringUtf8(direct)).isEqualTo(text);
            assertThat(slice.position()).as("the buffer is left as it was").isEqualTo(2);
        }
    }

    @Test
    void invalidUtf8IsStillRefused() {
        byte[] bad = (ASCII + "x").getBytes(StandardCharsets.US_ASCII);
        bad[bad.length - 1] = (byte) 0xFF;
        assertThatThrownBy(() -> Charsetfunctions.stringUtf8(ByteBuffer.wrap(bad))).isInstanceOf(InvalidDataException.class);
    }
}
