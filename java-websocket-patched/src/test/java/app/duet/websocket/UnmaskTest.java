package app.duet.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The patch in patches/unmask-in-bulk.patch: the server unmasks a client's frame eight bytes at a time and
 * then byte by byte for the rest. Every length around those steps, and the lengths where the frame header
 * changes (125/126, 65535/65536), must come out exactly as sent; the client picks a new mask per frame.
 */
class UnmaskTest {

    @Test
    void everyTextArrivesAsSentWhateverItsLength() throws Exception {
        List<String> texts = new ArrayList<>();
        IntStream.rangeClosed(0, 40).forEach(n -> texts.add(text(n)));
        for (int n : new int[] {125, 126, 127, 4003, 65535, 65536, 70001}) {
            texts.add(text(n));
        }
        texts.add("é€😀" + text(29) + "ü");

        LoopbackServer server = new LoopbackServer().started();
        LoopbackClient client = new LoopbackClient(server.uri());
        try {
            assertThat(client.connectBlocking(30, TimeUnit.SECONDS)).isTrue();
            texts.forEach(client::send);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.received.size() >= texts.size());
            assertThat(server.received).containsExactlyElementsOf(texts);
        } finally {
            client.closeBlocking();
            server.stop(1000);
        }
    }

    /** n characters that differ from one position to the next, so a misplaced mask byte shows. */
    private static String text(int n) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append((char) ('!' + (i * 7) % 90));
        }
        return text.toString();
    }
}
