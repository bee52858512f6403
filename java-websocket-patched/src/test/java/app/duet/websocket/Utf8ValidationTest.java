package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.util.Charsetfunctions;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/utf8-ascii.patch: text frames are checked for UTF-8 with a fast pass over their ASCII
 * run before the byte automaton; what is and is not valid UTF-8 stays the same.
 */
class Utf8ValidationTest {
    private static final String ASCII = "{\"type\":\"candidate\",\"candidate\":\"" + "a".repeat(300) + "\"}";

    @Test
    void validTextPassesWhereverItsMultiByteCharactersAre() {
        for (String text : List.of(ASCII, ASCII + "é€😀", "é€😀" + ASCII, ASCII + "ü" + ASCII, "")) {
            assertThat(Charsetfunctions.isValidUTF8(heap(text.getBytes(StandardCharsets.UTF_8))))
                    .as(text).isTrue();
        }
    }

    @Test
    void invalidBytesAfterAnAsciiRunAreStillCaught() {
        byte[] ascii = ASCII.getBytes(StandardCharsets.US_ASCII);
        for (byte[] bad : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80})) {
            byte[] frame = new byte[ascii.length + bad.length + ascii.length];
            System.arraycopy(ascii, 0, frame, 0, ascii.length);
            System.arraycopy(bad, 0, frame, ascii.length, bad.length);
            System.arraycopy(ascii, 0, frame, ascii.length + bad.length, ascii.length);
            assertThat(Charsetfunctions.isValidUTF8(heap(frame))).isFalse();
            ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
            assertThat(Charsetfunctions.isValidUTF8(direct)).isFalse();
        }
    }

    @Test
    void aServerClosesAConnectionThatSendsInvalidUtf8AndReadsValidText() throws Exception {
        LoopbackServer server = new LoopbackServer().started();
        Client client = new Client(server.uri());
        try {
            assertThat(client.connectBlocking(30, TimeUnit.SECONDS)).isTrue();
            client.send(ASCII + "é€😀");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.received.contains(ASCII + "é€😀"));

            TextFrame bad = new TextFrame();
            bad.setPayload(heap((ASCII + "\u0000").getBytes(StandardCharsets.US_ASCII)));
            bad.getPayloadData().put(ASCII.length(), (byte) 0xFF);
            client.sendFrame(bad);
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(CloseFrame.NO_UTF8);
        } finally {
            client.closeBlocking();
            server.stop(1000);
        }
    }

    private static ByteBuffer heap(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }

    private static final class Client extends LoopbackClient {
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        Client(URI uri) {
            super(uri);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(code);
        }
    }
}
