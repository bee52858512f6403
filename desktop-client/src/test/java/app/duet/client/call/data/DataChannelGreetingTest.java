package app.duet.client.call.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;

/**
 * Chat and files go only to a far side that speaks Duet's data protocol: one that greets back on the
 * channel. A plain WebRTC peer (a browser page) never does, and used to lose every message without a word.
 */
class DataChannelGreetingTest {
    @TempDir
    Path downloads;

    private final ExecutorService fileSends = Executors.newSingleThreadExecutor();
    private final RecordingLink link = new RecordingLink();
    private final List<Boolean> opens = new ArrayList<>();
    private final List<ChatMessage> chats = new ArrayList<>();
    private final List<FileTransferUpdate> files = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CallDataChannel channel;

    @AfterEach
    void stop() {
        fileSends.shutdownNow();
    }

    @Test
    void theChannelCountsAsOpenOnlyOnceTheFarSideGreets() throws Exception {
        channel = newChannel();
        channel.onOpen();
        assertThat(link.sent).containsExactly("{\"type\":\"hello\"}");
        assertThat(opens).isEmpty();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.sendChat("anyone there?")).isInstanceOf(DataLinkException.class)
                .hasMessageContaining("not available");
        assertThat(link.sent).as("nothing sent that would be lost").hasSize(1);

        channel.onText("{\"type\":\"hello_ack\"}");
        assertThat(opens).containsExactly(true);
        channel.sendChat("hi");
        assertThat(link.sent).hasSize(2).last().asString().contains("\"type\":\"chat\"").contains("\"text\":\"hi\"");
    }

    @Test
    void aGreetingIsAnsweredAndOpensTheChannelOnce() {
        channel = newChannel();
        channel.announceMedia(new RemoteMediaState(true, false, false));
        channel.onText("{\"type\":\"hello\"}");
        channel.onText("{\"type\":\"hello\"}");
        assertThat(opens).containsExactly(true);
        assertThat(link.sent).startsWith("{\"type\":\"hello_ack\"}");
        assertThat(link.sent).anyMatch(m -> m.contains("\"type\":\"media\"") && m.contains("\"camera\":false"));

        channel.onClosed();
        assertThat(opens).containsExactly(true, false);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void filesAreNotOfferedToASideThatNeverGreeted() throws Exception {
        channel = newChannel();
        channel.onOpen();
        Path file = java.nio.file.Files.writeString(downloads.resolve("note.txt"), "hello");
        channel.files().send(file);
        org.awaitility.Awaitility.await().atMost(app.duet.client.testing.Waits.SIGNALING)
                .until(() -> files.stream().anyMatch(u -> u.status() == FileTransferUpdate.Status.FAILED));
        assertThat(link.sent).containsExactly("{\"type\":\"hello\"}");
    }

    private CallDataChannel newChannel() {
        CallDataChannel c = new CallDataChannel(new DataEvents() {
            @Override
            public void channelOpen(boolean open) {
                opens.add(open);
            }

            @Override
            public void chat(ChatMessage message) {
                chats.add(message);
            }

            @Override
            public void remoteMedia(RemoteMediaState state) {
            }

            @Override
            public void fileTransfer(FileTransferUpdate update) {
                files.add(update);
            }
        }, Clock.systemUTC(), downloads, fileSends);
        c.bind(link);
        return c;
    }

    /** An open link that keeps what is sent on it. */
    private static final class RecordingLink implements DataLink {
        final List<String> sent = new ArrayList<>();

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void sendText(String text) {
            sent.add(text);
        }

        @Override
        public void sendBinary(byte[] exactMessage) {
            sent.add("binary " + exactMessage.length);
        }

        @Override
        public long bufferedAmount() {
            return 0;
        }

        @Override
        public void awaitBufferedBelow(long threshold) {
        }

        @Override
        public void close() {
        }
    }
}
