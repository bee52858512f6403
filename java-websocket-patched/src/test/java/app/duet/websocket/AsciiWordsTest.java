package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.util.Charsetfunctions;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/ascii-words.patch: a text frame's ASCII run is found eight bytes at a time. A byte
 * with its high bit set is seen at every position of a word and of the tail, wherever the frame starts in
 * its array, by both the UTF-8 check and the decoding.
 */
class AsciiWordsTest {
    private static final int LONGEST = 40;
    private static final int OFFSETS = 9;

    @Test
    void asciiOfEveryLengthAndAlignmentDecodesAsItself() throws Exception {
        for (int length = 0; length <= LONGEST; length++) {
            for (int offset = 0; offset < OFFSETS; offset++) {
                byte[] text = ascii(length);
                if (length > 0) {
                    text[length - 1] = 0x7F; // the highest ASCII byte
                }
                ByteBuffer frame = at(offset, text);

                assertThat(Charsetfunctions.isValidUTF8(frame)).isTrue();
                assertThat(Charsetfunctions.stringUtf8(frame)).isEqualTo(new String(text, StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void aMultiByteCharacterAnywhereIsDecoded() throws Exception {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at <= LONGEST; at++) {
            for (int offset = 0; offset < OFFSETS; offset++) {
                byte[] text = ascii(LONGEST + e.length);
                System.arraycopy(e, 0, text, at, e.length);
                ByteBuffer frame = at(offset, text);

                assertThat(Charsetfunctions.isValidUTF8(frame)).isTrue();
                assertThat(Charsetfunctions.stringUtf8(frame)).isEqualTo(new String(text, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anInvalidByteAnywhereIsRefused() {
        for (int invalid : new int[] {0x80, 0xFF}) {
            for (int at = 0; at < LONGEST; at++) {
                for (int offset = 0; offset < OFFSETS; offset++) {
                    byte[] text = ascii(LONGEST);
                    text[at] = (byte) invalid;
                    ByteBuffer frame = at(offset, text);

                    assertThat(Charsetfunctions.isValidUTF8(frame)).as("0x%x at %d", invalid, at).isFalse();
                    assertThatThrownBy(() -> Charsetfunctions.stringUtf8(frame)).isInstanceOf(InvalidDataException.class);
                }
            }
        }
    }

    private static byte[] ascii(int length) {
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        return text;
    }

    /** The text as a frame's payload is: a buffer over part of a larger array, starting at {@code offset}. */
    private static ByteBuffer at(int offset, byte[] text) {
        byte[] array = new byte[offset + text.length + 3];
        array[offset + text.length] = (byte) 0xFF; // past the frame's end: never read
        System.arraycopy(text, 0, array, offset, text.length);
        return ByteBuffer.wrap(array, offset, text.length).slice();
    }
}
