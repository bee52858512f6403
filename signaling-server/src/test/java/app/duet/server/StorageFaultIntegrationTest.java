package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import ch.qos.logback.classic.Level;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's disk fills up under it (a real, full tmpfs), or its database becomes read-only (ext4), and
 * then comes back: it keeps serving what needs no write (calls in progress, resuming sessions, lists),
 * answers writes with STORAGE_UNAVAILABLE, says so once in the log, and recovers without a restart.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(NoLeakedThreads.class)
class StorageFaultIntegrationTest {
    /** Room for the schema and a few accounts, so the test fills only what the server has not used. */
    private static final long DISK_BYTES = 2 * 1024 * 1024;
    private static final long EXT4_IMAGE_BYTES = 16 * 1024 * 1024;
    private static final Duration SESSION_TTL = Duration.ofDays(3);

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    /** Makes or lifts a storage fault. */
    @FunctionalInterface
    private interface Fault {
        void apply() throws Exception;
    }

    @Test
    void fullDiskRefusesWritesKeepsCallsAndRecoversWhenSpaceReturns() throws Exception {
        try (TestDisk disk = TestDisk.tmpfs(DISK_BYTES)) {
            Path filler = disk.dir().resolve("filler");
            servesWhatItCanAndRecovers(disk.dir().resolve("data"), () -> disk.fill(filler), () -> Files.delete(filler));
        }
    }

    /**
     * The database and its write-ahead log become immutable under the running server (as root would see a
     * read-only file: chmod does not stop root, and a read-only remount is refused while files are open
     * for writing): the open connections fail with SQLITE_IOERR, fresh ones open read-only (SQLITE_READONLY).
     */
    @Test
    void readOnlyDatabaseRefusesWritesKeepsCallsAndRecoversWhenWritableAgain() throws Exception {
        try (TestDisk disk = TestDisk.ext4(EXT4_IMAGE_BYTES)) {
            Path data = disk.dir().resolve("data");
            Path[] files = {data.resolve("duet.db"), data.resolve("duet.db-wal")};
            servesWhatItCanAndRecovers(data, () -> disk.immutable(true, files), () -> disk.immutable(false, files));
        }
    }

    private void servesWhatItCanAndRecovers(Path dataDir, Fault fault, Fault repair) throws Exception {
        ManualClock clock = new ManualClock();
        try (DuetServer server = DuetServer.start(TestServers.config(dataDir).sessionTtl(SESSION_TTL).build(), clock);
                TestClient ola = TestClient.hello(server); TestClient pia = TestClient.hello(server)) {
            ola.ok(new Request.Signup(ola.nextId(), "ola", "Ola", "ola@example.org", "password-ola"));
            Result.Auth piaAuth = pia.ok(new Request.Signup(pia.nextId(), "pia", "Pia", "pia@example.org", "password-pia"));
            ola.ok(new Request.ChannelCreate(ola.nextId(), "talk"));
            pia.joinInvitedBy(ola, "talk");
            Result.CallRing ring = ola.ok(new Request.CallRing(ola.nextId(), "talk", Media.VIDEO));
            pia.ok(new Request.CallAccept(pia.nextId(), ring.callId()));

            fault.apply();

            try (TestClient kim = TestClient.hello(server)) {
                kim.error(new Request.Signup(kim.nextId(), "kim", "Kim", "kim@example.org", "password-kim"),
                        ErrorCode.STORAGE_UNAVAILABLE);
            }
            ola.error(new Request.ChannelCreate(ola.nextId(), "second"), ErrorCode.STORAGE_UNAVAILABLE);
            assertThat(ola.<Result.Channels>ok(new Request.ChannelsList(ola.nextId())).channels())
                    .extracting(ChannelInfo::name).containsExactly("talk");
            // The call in progress goes on, and a session resumes on a second connection, late enough in its
            // life that it would be renewed (a write).
            ola.ok(new Request.Offer(ola.nextId(), ring.callId(), "v=0 offer"));
            assertThat(pia.awaitEvent(Event.Offer.class).sdp()).isEqualTo("v=0 offer");
            clock.advance(SESSION_TTL.minusHours(1));
            try (TestClient piaAgain = TestClient.hello(server)) {
                Result.Auth resumed = piaAgain.ok(new Request.Resume(piaAgain.nextId(), piaAuth.session().token()));
                assertThat(resumed.session().expiresAt()).isEqualTo(piaAuth.session().expiresAt());
            }
            HttpResponse<String> health = TestServers.ops(server, "/healthz");
            assertThat(health.statusCode()).as("a balancer sends new users elsewhere").isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"unwritable\"");
            assertThat(log.storageWarnings()).as("one line for the outage, no stack trace").hasSize(1)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            assertThat(log.events()).noneMatch(e -> e.getLevel() == Level.ERROR);

            repair.apply();

            ola.ok(new Request.ChannelCreate(ola.nextId(), "second"));
            try (TestClient kim = TestClient.hello(server)) {
                kim.ok(new Request.Signup(kim.nextId(), "kim", "Kim", "kim@example.org", "password-kim"));
            }
            assertThat(log.events()).anyMatch(e -> e.getFormattedMessage().contains("storage is writable again"));
            assertThat(TestServers.ops(server, "/healthz").statusCode()).isEqualTo(200);
        }
    }
}
