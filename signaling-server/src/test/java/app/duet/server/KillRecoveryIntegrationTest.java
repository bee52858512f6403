package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real server process is SIGKILLed in the middle of a burst of sign-ups, channel creations, joins and
 * call accepts from real WebSocket clients, then started again on the same data dir: everything that was
 * answered {@code ok} must be there, and the SQLite file must pass its integrity check. Each kill point
 * counts the durable {@code ok}s seen so far (of {@value #PAIRS} pairs × {@value #DURABLE_PER_PAIR}).
 */
@EnabledOnOs(OS.LINUX) // destroyForcibly is SIGKILL there; the exit code check below says so
@ExtendWith(NoLeakedThreads.class)
class KillRecoveryIntegrationTest {
    private static final int PAIRS = 8;
    /** signup ×2, channel create, join, call accept, {@value #EXTRA_CHANNELS} more channel creates. */
    private static final int DURABLE_PER_PAIR = 10;
    private static final int EXTRA_CHANNELS = 5;

    /** Kept when a test fails, for the server's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** What the server answered ok before it died. */
    private static final class Ledger {
        final Map<String, String> tokens = new ConcurrentHashMap<>();
        final Map<String, String> owners = new ConcurrentHashMap<>();
        final Map<String, Set<String>> members = new ConcurrentHashMap<>();
        /** Accepted calls: id → the caller's session token. */
        final Map<String, String> calls = new ConcurrentHashMap<>();
        final AtomicInteger durableOks = new AtomicInteger();
    }

    @ParameterizedTest(name = "killed after {0} durable oks")
    @ValueSource(ints = {6, 35, 70})
    void everythingAnsweredOkSurvivesASigkill(int killAfter) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Ledger ledger = new Ledger();
        try (ServerProcess server = ServerProcess.start(dataDir, log)) {
            burst(server, ledger, killAfter);
            assertThat(ledger.durableOks.get()).isGreaterThanOrEqualTo(killAfter);
        }
        assertThat(integrityCheck(dataDir.resolve("duet.db"))).isEqualTo("ok");

        try (ServerProcess again = ServerProcess.start(dataDir, log)) {
            for (Map.Entry<String, String> user : ledger.tokens.entrySet()) {
                assertUserKept(again, ledger, user.getKey());
            }
            for (Map.Entry<String, String> call : ledger.calls.entrySet()) {
                try (TestClient c = hello(again)) {
                    Result.Auth resumed = c.ok(new Request.Resume(c.nextId(), call.getValue()));
                    assertThat(resumed.call()).as("accepted call " + call.getKey()).isNotNull();
                    assertThat(resumed.call().callId()).isEqualTo(call.getKey());
                }
            }
        }
        assertThat(integrityCheck(dataDir.resolve("duet.db"))).isEqualTo("ok");
    }

    /** Runs the pairs at once; the request that brings the count to {@code killAfter} kills the server. */
    private void burst(ServerProcess server, Ledger ledger, int killAfter) throws Exception {
        List<String> unexpected = new ArrayList<>();
        AtomicInteger exitCode = new AtomicInteger(-1);
        AtomicBoolean killed = new AtomicBoolean();
        Runnable durableOk = () -> {
            if (ledger.durableOks.incrementAndGet() == killAfter) {
                killed.set(true);
                try {
                    exitCode.set(server.kill());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(PAIRS);
        try {
            List<Future<?>> pairs = new ArrayList<>();
            for (int k = 0; k < PAIRS; k++) {
                int pair = k;
                pairs.add(pool.submit(() -> {
                    try {
                        pair(server, ledger, pair, durableOk);
                    } catch (Throwable e) {
                        if (!killed.get()) {
                            synchronized (unexpected) {
                                unexpected.add("pair " + pair + ": " + e);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : pairs) {
                f.get(TestClient.TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(unexpected).as("failures before the kill").isEmpty();
        assertThat(exitCode.get()).as("exit code of the killed server").isEqualTo(ServerProcess.KILLED_BY_SIGKILL);
    }

    private static void pair(ServerProcess server, Ledger ledger, int k, Runnable durableOk) throws Exception {
        String caller = "caller" + k;
        String callee = "callee" + k;
        String talk = "talk-" + k;
        try (TestClient a = hello(server); TestClient b = hello(server)) {
            signup(a, caller, ledger, durableOk);
            signup(b, callee, ledger, durableOk);
            a.ok(new Request.ChannelCreate(a.nextId(), talk));
            ledger.owners.put(talk, caller);
            ledger.members.put(talk, ConcurrentHashMap.newKeySet());
            ledger.members.get(talk).add(caller);
            durableOk.run();
            b.joinInvitedBy(a, talk);
            ledger.members.get(talk).add(callee);
            durableOk.run();
            Result.CallRing ring = a.ok(new Request.CallRing(a.nextId(), talk, Media.AUDIO));
            b.ok(new Request.CallAccept(b.nextId(), ring.callId()));
            ledger.calls.put(ring.callId(), ledger.tokens.get(caller));
            durableOk.run();
            for (int i = 0; i < EXTRA_CHANNELS; i++) {
                String more = "more-" + k + "-" + i;
                a.ok(new Request.ChannelCreate(a.nextId(), more));
                ledger.owners.put(more, caller);
                ledger.members.put(more, Set.of(caller));
                durableOk.run();
            }
        }
    }

    private static void signup(TestClient c, String username, Ledger ledger, Runnable durableOk) {
        Result.Auth auth = c.ok(new Request.Signup(c.nextId(), username, username.toUpperCase(),
                username + "@example.org", password(username)));
        ledger.tokens.put(username, auth.session().token());
        durableOk.run();
    }

    /** The user logs in with their password and finds every channel they were answered ok for. */
    private static void assertUserKept(ServerProcess server, Ledger ledger, String username) throws Exception {
        try (TestClient c = hello(server)) {
            c.ok(new Request.Login(c.nextId(), username, password(username)));
            Result.Channels listed = c.ok(new Request.ChannelsList(c.nextId()));
            Map<String, ChannelInfo> byName = new ConcurrentHashMap<>();
            listed.channels().forEach(ch -> byName.put(ch.name(), ch));
            ledger.members.forEach((channel, members) -> {
                if (members.contains(username)) {
                    assertThat(byName).as(username + "'s channels").containsKey(channel);
                    assertThat(byName.get(channel).owner()).isEqualTo(ledger.owners.get(channel));
                    assertThat(byName.get(channel).members()).extracting(MemberInfo::username)
                            .containsAll(members);
                }
            });
        }
    }

    private static TestClient hello(ServerProcess server) throws InterruptedException {
        TestClient client = TestClient.connect(server.uri());
        client.ok(new Request.Hello(client.nextId(), 1, "kill-test"));
        return client;
    }

    private static String password(String username) {
        return "password-of-" + username;
    }

    static String integrityCheck(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            r.next();
            return r.getString(1);
        }
    }
}
