package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.AdminCli.Run;
import app.duet.server.CallsIntegrationTest.Pair;
import app.duet.server.admin.ExitCodes;
import app.duet.server.store.Stores;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The user commands against the database of a running server, which applies their changes. */
@ExtendWith(NoLeakedThreads.class)
class AdminCommandsIntegrationTest {
    @TempDir
    static Path dataDir;
    static DuetServer server;
    static AdminCli cli;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).build());
        cli = new AdminCli(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void listAndShowPrintJson() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String a = p.aAuth().user().username();
            Run list = cli.run("user", "list", "--json");
            assertThat(list.exit()).as(list.err()).isZero();
            List<String> names = list.json().getAsJsonArray("users").asList().stream()
                    .map(u -> u.getAsJsonObject().get("username").getAsString()).toList();
            assertThat(names).contains(a, p.bAuth().user().username());

            JsonObject shown = cli.run("user", "show", a, "--json").json();
            assertThat(shown.get("state").getAsString()).isEqualTo("active");
            assertThat(shown.get("email").getAsString()).isEqualTo(a + "@example.org");
            JsonObject channel = shown.getAsJsonArray("channels").get(0).getAsJsonObject();
            assertThat(channel.get("name").getAsString()).isEqualTo(p.channel());
            assertThat(channel.get("owner").getAsBoolean()).isTrue();
            assertThat(cli.run("user", "show", a).out()).contains("display name: " + p.aAuth().user().displayName());
        }
    }

    @Test
    void aDisabledUserIsClosedOutOfConnectionAndCallAndCannotLogInUntilEnabled() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String callId = CallsIntegrationTest.connect(p);
            String b = p.bAuth().user().username();

            Run disabled = cli.run("user", "disable", b, "--json");
            assertThat(disabled.exit()).as(disabled.err()).isZero();
            assertThat(disabled.json().get("sessionsEnded").getAsInt()).isEqualTo(1);

            assertThat(p.b().awaitClose()).isEqualTo(Protocol.CLOSE_ACCOUNT_CLOSED);
            assertThat(p.a().awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.DISCONNECTED));
            p.a().ok(new Request.Ping(p.a().nextId()));
            try (TestClient again = TestClient.hello(server)) {
                again.error(new Request.Login(again.nextId(), b, "password-b"), ErrorCode.ACCOUNT_DISABLED);
                again.error(new Request.Resume(again.nextId(), p.bAuth().session().token()), ErrorCode.SESSION_EXPIRED);
                assertThat(cli.run("user", "show", b, "--json").json().get("state").getAsString()).isEqualTo("disabled");

                assertThat(cli.run("user", "enable", b).exit()).isZero();
                again.ok(new Request.Login(again.nextId(), b, "password-b"));
            }
        }
    }

    @Test
    void aDeletedUserLeavesNothingTheOtherMemberCanSee() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String a = p.aAuth().user().username();
            String b = p.bAuth().user().username();
            String solo = p.channel() + "-solo";
            p.a().ok(new Request.ChannelCreate(p.a().nextId(), solo));
            CallsIntegrationTest.ring(p);

            Run deleted = cli.run("user", "delete", a, "--json");
            assertThat(deleted.exit()).as(deleted.err()).isZero();
            assertThat(deleted.json().getAsJsonArray("channelsHandedOver").asList()).extracting(JsonElement::getAsString)
                    .containsExactly(p.channel());
            assertThat(deleted.json().getAsJsonArray("channelsDeleted").asList()).extracting(JsonElement::getAsString)
                    .containsExactly(solo);

            assertThat(p.a().awaitClose()).isEqualTo(Protocol.CLOSE_ACCOUNT_CLOSED);
            assertThat(p.b().awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.LEFT_CHANNEL);
            Event.Presence left = p.b().awaitEvent(Event.Presence.class, e -> e.state() == PresenceState.LEFT);
            assertThat(left.user().username()).isEqualTo(a);
            Result.Channels channels = p.b().ok(new Request.ChannelsList(p.b().nextId()));
            ChannelInfo handedOver = channels.channels().get(0);
            assertThat(handedOver.owner()).isEqualTo(b);
            assertThat(handedOver.members()).extracting(MemberInfo::username).containsExactly(b);
            p.b().error(new Request.ChannelJoin(p.b().nextId(), solo), ErrorCode.CHANNEL_NOT_FOUND);
            try (TestClient again = TestClient.hello(server)) {
                again.error(new Request.Login(again.nextId(), a, "password-a"), ErrorCode.WRONG_CREDENTIALS);
            }
            assertThat(cli.run("user", "show", a).exit()).isEqualTo(ExitCodes.NOT_FOUND);
            // The database agrees with what the running server shows: a restart loads the same.
            assertThat(cli.run("user", "show", b, "--json").json().getAsJsonArray("channels").get(0).getAsJsonObject()
                    .get("owner").getAsBoolean()).isTrue();
        }
    }

    @Test
    void aRenameReachesTheOtherMembersChannelList() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String b = p.bAuth().user().username();
            assertThat(cli.run("user", "rename", b, "Robert Tables").exit()).isZero();
            await().atMost(TestClient.TIMEOUT).untilAsserted(() -> {
                Result.Channels channels = p.a().ok(new Request.ChannelsList(p.a().nextId()));
                assertThat(channels.channels().get(0).members()).extracting(MemberInfo::displayName).contains("Robert Tables");
            });
            assertThat(p.b().isOpen()).isTrue();
        }
    }

    @Test
    void setPasswordReadsStandardInputAndEndsTheSessions() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String b = p.bAuth().user().username();
            Run set = cli.runProcess("a brand new secret\n", "user", "set-password", b, "--bcrypt-cost", "4", "--json");
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.json().get("sessionsEnded").getAsInt()).isEqualTo(1);
            assertThat(set.err()).contains("admin action=user.set-password target=" + b + " by=");
            assertThat(set.out() + set.err()).doesNotContain("a brand new secret");
            assertThat(p.b().awaitClose()).isEqualTo(Protocol.CLOSE_SESSION_REVOKED);
            try (TestClient again = TestClient.hello(server)) {
                again.error(new Request.Login(again.nextId(), b, "password-b"), ErrorCode.WRONG_CREDENTIALS);
                again.ok(new Request.Login(again.nextId(), b, "a brand new secret"));
            }
            Run weak = cli.runWithInput("short\n", "user", "set-password", b, "--bcrypt-cost", "4");
            assertThat(weak.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(weak.err()).contains("at least 8 characters");
        }
    }

    @Test
    void badInputGetsItsExitCodeAndChangesNothing() throws Exception {
        Run missing = cli.run("user", "disable", "nobody", "--json");
        assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.json().get("error").getAsString()).isEqualTo("not_found");
        assertThat(missing.err()).contains("no account named 'nobody'");
        assertThat(cli.run("user", "delete", "nobody").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("user", "rename", "nobody", "X").exit()).isEqualTo(ExitCodes.NOT_FOUND);
        try (Pair p = CallsIntegrationTest.pair(server)) {
            String a = p.aAuth().user().username();
            Run badName = cli.run("user", "rename", a, "bad\u202Ename");
            assertThat(badName.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(badName.err()).contains("DISPLAY_NAME must be");
            assertThat(p.a().isOpen()).isTrue();
        }
        Run noPassword = cli.run("user", "set-password", "nobody");
        assertThat(noPassword.exit()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli.run("user", "frobnicate").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(cli.run("user", "add", "Not A Name", "--email", "x@example.org").exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(Main.run(new String[] {"user", "list", "--data-dir", dataDir.resolve("nowhere").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        try (TestClient c = TestClient.hello(server)) {
            c.ok(new Request.Ping(c.nextId()));
        }
    }

    @Test
    void aDatabaseThatIsBehindOrLockedGivesExitCodeFive(@TempDir Path other) throws Exception {
        Files.createFile(other.resolve("duet.db")); // an empty SQLite database: no schema yet
        Run behind = new AdminCli(other).run("user", "list");
        assertThat(behind.exit()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
        assertThat(behind.err()).contains("start this version of the server once");

        Stores.sqlite(other.resolve("duet.db")).close();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + other.resolve("duet.db"));
                Statement statement = holder.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            Run busy = new AdminCli(other).run("user", "disable", "ann", "--json");
            assertThat(busy.exit()).as(busy.err()).isEqualTo(ExitCodes.DATABASE_UNAVAILABLE);
            assertThat(busy.json().get("error").getAsString()).isEqualTo("database_unavailable");
            statement.execute("ROLLBACK");
        }
    }
}
