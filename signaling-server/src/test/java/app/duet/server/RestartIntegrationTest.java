package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Accounts, sessions and channels live in the SQLite file and survive a restart. */
@ExtendWith(NoLeakedThreads.class)
class RestartIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void accountsSessionsAndChannelsPersist() throws Exception {
        Result.Auth ola;
        try (DuetServer first = DuetServer.start(TestServers.config(dataDir).build());
                TestClient a = TestClient.hello(first); TestClient b = TestClient.hello(first)) {
            ola = a.ok(new Request.Signup(a.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
            b.ok(new Request.Signup(b.nextId(), "pia", "Pia", "pia@example.org", "password-pia"));
            a.ok(new Request.ChannelCreate(a.nextId(), "kept"));
            a.ok(new Request.ChannelCreate(a.nextId(), "owner-left"));
            b.joinInvitedBy(a, "kept");
            b.joinInvitedBy(a, "owner-left");
            a.ok(new Request.ChannelLeave(a.nextId(), "owner-left"));
            a.ok(new Request.ChannelCreate(a.nextId(), "deleted"));
            a.ok(new Request.ChannelDelete(a.nextId(), "deleted"));
            // The shutdown notice reaches connected clients.
            first.close();
            assertThat(a.awaitEvent(Event.ServerShutdown.class).reconnectAfterMs()).isPositive();
            assertThat(a.awaitClose()).isEqualTo(1001);
        }
        try (DuetServer second = DuetServer.start(TestServers.config(dataDir).build());
                TestClient a = TestClient.hello(second); TestClient b = TestClient.hello(second)) {
            a.ok(new Request.Resume(a.nextId(), ola.session().token()));
            b.ok(new Request.Login(b.nextId(), "pia", "password-pia"));
            Result.Channels channels = b.ok(new Request.ChannelsList(b.nextId()));
            assertThat(channels.channels()).extracting(ChannelInfo::name).containsExactly("kept", "owner-left");
            ChannelInfo kept = channels.channels().get(0);
            assertThat(kept.owner()).isEqualTo("ola");
            assertThat(kept.members()).extracting(MemberInfo::username).containsExactly("ola", "pia");
            assertThat(kept.members()).extracting(MemberInfo::displayName).containsExactly("Ola", "Pia");
            assertThat(channels.channels().get(1).owner()).isEqualTo("pia");
            assertThat(channels.channels().get(1).members()).extracting(MemberInfo::username).containsExactly("pia");
            a.error(new Request.ChannelJoin(a.nextId(), "deleted"), app.duet.protocol.ErrorCode.CHANNEL_NOT_FOUND);
        }
    }
}
