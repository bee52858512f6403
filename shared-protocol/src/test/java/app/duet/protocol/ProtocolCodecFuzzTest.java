package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The codec on arbitrary input, as server and as client: a frame either decodes to a message that encodes
 * back to itself, or fails with a {@link ProtocolException}; nothing else escapes. Seeds: the golden files
 * (docs/testing.md, "Fuzzing").
 */
class ProtocolCodecFuzzTest {
    /** The request types a client can have pending: the first byte picks which one every id belongs to. */
    private static final List<MessageType> PENDING = Arrays.stream(MessageType.values())
            .filter(t -> t.requestClass().isPresent()).toList();

    private final ProtocolCodec codec = new ProtocolCodec();

    /**
     * Input: one byte of settings, then the frame. Bit 0 of the settings: the frame's bytes as UTF-8 (what a
     * WebSocket text frame carries), else as UTF-16 (any char, lone surrogates too, which only a string
     * built in Java can hold). The other bits: the pending request type, or none.
     */
    @FuzzTest(maxDuration = "10s")
    void decodesOrRefuses(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int settings = input[0] & 0xff;
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        String frame = new String(body, (settings & 1) == 0 ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16BE);
        int pending = settings >> 1;
        MessageType pendingType = pending < PENDING.size() ? PENDING.get(pending) : null;

        asServer(frame);
        asClient(frame, id -> pendingType);
    }

    private void asServer(String frame) {
        Request request;
        try {
            request = codec.decodeRequest(frame);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).isNotNull();
            return;
        }
        assertThat(request).isNotNull();
        assertThat(decodeRequest(codec.encode(request))).isEqualTo(request);
    }

    private void asClient(String frame, Function<String, MessageType> pending) {
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(frame, pending);
        } catch (ProtocolException refused) {
            assertThat(refused.code()).isNotNull();
            return;
        }
        assertThat(message).isNotNull();
        assertThat(decodeServerMessage(codec.encode(message), pending)).isEqualTo(message);
    }

    private Request decodeRequest(String frame) {
        try {
            return codec.decodeRequest(frame);
        } catch (ProtocolException e) {
            throw new AssertionError("a decoded request, encoded again, is refused: " + frame, e);
        }
    }

    private ServerMessage decodeServerMessage(String frame, Function<String, MessageType> pending) {
        try {
            return codec.decodeServerMessage(frame, pending);
        } catch (ProtocolException e) {
            throw new AssertionError("a decoded server message, encoded again, is refused: " + frame, e);
        }
    }
}
