package app.duet.client.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ConfigDir;
import app.duet.client.testing.Waits;

/** The lock and the socket between a running Duet and later starts, without an app around them. */
class SingleInstanceTest {
    private static final String LINK = "duet://duet.example.org/join/tea?invite=Qm8d2LxV7pT0cRw3aZk9YbN";

    @TempDir
    Path temp;

    @Test
    void theFirstStartRunsAndLaterStartsHandOverUntilItEnds() throws Exception {
        InstanceAddress address = address();
        List<InstanceMessage> taken = new CopyOnWriteArrayList<>();

        try (RunningInstance first = SingleInstance.claim(address, InstanceMessage.show()).orElseThrow()) {
            first.listen(taken::add);
            assertThat(SingleInstance.claim(address, InstanceMessage.of(LINK))).isEmpty();
            assertThat(SingleInstance.claim(address, InstanceMessage.of(null))).isEmpty();
            await().atMost(Waits.UI).until(() -> taken.size() == 2);
            assertThat(taken).containsExactly(new InstanceMessage(Optional.of(LINK)), InstanceMessage.show());
        }

        assertThat(address.socket()).doesNotExist();
        try (RunningInstance next = SingleInstance.claim(address, InstanceMessage.show()).orElseThrow()) {
            assertThat(address.socket()).exists();
        }
    }

    @Test
    void aSocketFileLeftByACrashIsReplaced() throws Exception {
        InstanceAddress address = address();
        Files.createDirectories(address.socket().getParent());
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(address.socket()));
        }
        assertThat(address.socket()).exists();

        try (RunningInstance running = SingleInstance.claim(address, InstanceMessage.show()).orElseThrow()) {
            List<InstanceMessage> taken = new CopyOnWriteArrayList<>();
            running.listen(taken::add);
            assertThat(SingleInstance.claim(address, InstanceMessage.show())).isEmpty();
            await().atMost(Waits.UI).until(() -> taken.size() == 1);
        }
    }

    @Test
    void aLineItDoesNotKnowIsAnsweredAndTheNextStartIsStillTaken() throws Exception {
        InstanceAddress address = address();
        List<InstanceMessage> taken = new CopyOnWriteArrayList<>();
        try (RunningInstance running = SingleInstance.claim(address, InstanceMessage.show()).orElseThrow()) {
            running.listen(taken::add);

            assertThat(exchange(address, "rm -rf /\n")).isEqualTo("unknown");
            assertThat(exchange(address, "x".repeat(10_000))).isEqualTo("unknown");
            assertThat(SingleInstance.claim(address, InstanceMessage.of(LINK))).isEmpty();

            await().atMost(Waits.UI).until(() -> taken.size() == 1);
            assertThat(taken).containsExactly(new InstanceMessage(Optional.of(LINK)));
        }
    }

    @Test
    void aLinkWithALineBreakStaysOneMessage() {
        assertThat(InstanceMessage.parse(InstanceMessage.of("duet://a\n/join/b").toLine()))
                .contains(InstanceMessage.of("duet://a/join/b"));
    }

    private InstanceAddress address() throws Exception {
        return InstanceAddress.of(new ConfigDir(temp.resolve("config")), Map.of(), temp.toString(),
                System.getProperty("user.name"));
    }

    private static String exchange(InstanceAddress address, String sent) throws Exception {
        try (SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
            socket.write(ByteBuffer.wrap(sent.getBytes(StandardCharsets.UTF_8)));
            socket.shutdownOutput();
            return RunningInstance.readLine(socket);
        }
    }
}
