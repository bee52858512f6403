package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.AccountData;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Protocol;
import app.duet.protocol.RegistrationMode;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.server.CallsIntegrationTest.Pair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own account: change_display_name reaching the other member live, account_delete leaving nothing
 * another user can see, account_export holding only the user's own data, and hello announcing who may sign up.
 */
@ExtendWith(NoLeakedThreads.class)
class AccountSelfServiceIntegrationTest {
    @TempDir
    static Path dataDir;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void helloAnnouncesTheRegistrationMode() throws Exception {
        try (TestClient c = TestClient.connect(server.uri())) {
            Result.Hello hello = c.ok(new Request.Hello(c.nextId(), Protocol.PROTOCOL_VERSION, "test"));
            assertThat(hello.registration()).isEqualTo(RegistrationMode.OPEN);
        }
    }

    @Test
    void aNewDisplayNameReachesTheOtherMemberAndTheUsersOtherConnectionsAtOnce() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server);
                TestClient aLaptop = TestClient.hello(server);
                TestClient stranger = TestClient.hello(server)) {
            String a = p.aAuth().user().username();
            aLaptop.ok(new Request.Login(aLaptop.nextId(), a, "password-a"));
            stranger.ok(new Request.Signup(stranger.nextId(), a + "-x", "Stranger", a + "-x@example.org", "password-x"));

            Result.User renamed = p.a().ok(new Request.ChangeDisplayName(p.a().nextId(), "  Ada Renamed "));

            assertThat(renamed.user().displayName()).isEqualTo("Ada Renamed");
            assertThat(p.b().awaitEvent(Event.DisplayNameChanged.class).user()).isEqualTo(renamed.user());
            assertThat(aLaptop.awaitEvent(Event.DisplayNameChanged.class).user()).isEqualTo(renamed.user());
            stranger.ok(new Request.Ping(stranger.nextId())); // queued after any event the rename sent it
            assertThat(stranger.eventsOf(Event.DisplayNameChanged.class)).isEmpty();
            Result.Channels seenByB = p.b().ok(new Request.ChannelsList(p.b().nextId()));
            assertThat(seenByB.channels().get(0).members()).extracting(MemberInfo::displayName).contains("Ada Renamed");

            // Later events about the user carry the new name too.
            aLaptop.close();
            p.a().close();
            Event.Presence offline = p.b().awaitEvent(Event.Presence.class, e -> e.state() == PresenceState.OFFLINE);
            assertThat(offline.user().displayName()).isEqualTo("Ada Renamed");
        }
    }

    @Test
    void aBadDisplayNameIsRefusedAndChangesNothing() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server); TestClient anonymous = TestClient.hello(server)) {
            for (String bad : List.of("", "   ", "evil\u202Egnp.exe", "x".repeat(Protocol.MAX_DISPLAY_NAME_LENGTH + 1))) {
                assertThat(p.a().error(new Request.ChangeDisplayName(p.a().nextId(), bad), ErrorCode.INVALID_FIELD).message())
                        .contains("displayName");
            }
            anonymous.error(new Request.ChangeDisplayName(anonymous.nextId(), "Anyone"), ErrorCode.NOT_AUTHENTICATED);
            anonymous.error(new Request.AccountExport(anonymous.nextId()), ErrorCode.NOT_AUTHENTICATED);
            anonymous.error(new Request.AccountDelete(anonymous.nextId(), "password-a"), ErrorCode.NOT_AUTHENTICATED);
            p.a().ok(new Request.Ping(p.a().nextId()));
            Result.Channels seenByB = p.b().ok(new Request.ChannelsList(p.b().nextId()));
            assertThat(seenByB.channels().get(0).members()).extracting(MemberInfo::displayName)
                    .contains(p.aAuth().user().displayName());
            assertThat(p.b().eventsOf(Event.DisplayNameChanged.class)).isEmpty();
        }
    }

    @Test
    void theCurrentPasswordIsCheckedBeforeAPasswordChange() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server)) {
            p.a().error(new Request.ChangePassword(p.a().nextId(), "not-the-password", "a new password"),
                    ErrorCode.WRONG_CREDENTIALS);
            p.a().error(new Request.ChangePassword(p.a().nextId(), "password-a", "short"), ErrorCode.WEAK_PASSWORD);
            p.a().ok(new Request.ChangePassword(p.a().nextId(), "password-a", "a new password"));
            try (TestClient again = TestClient.hello(server)) {
                again.ok(new Request.Login(again.nextId(), p.aAuth().user().username(), "a new password"));
            }
        }
    }

    @Test
    void deletingTheAccountNeedsItsPasswordAndLeavesNothingTheOtherMemberCanSee() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server); TestClient aLaptop = TestClient.hello(server)) {
            String a = p.aAuth().user().username();
            String b = p.bAuth().user().username();
            aLaptop.ok(new Request.Login(aLaptop.nextId(), a, "password-a"));
            String solo = p.channel() + "-solo";
            p.a().ok(new Request.ChannelCreate(p.a().nextId(), solo));
            String earlier = CallsIntegrationTest.ring(p);
            p.a().ok(new Request.CallCancel(p.a().nextId(), earlier)); // a call in b's history with a in it
            p.b().awaitEvent(Event.CallCancelled.class);
            String live = CallsIntegrationTest.connect(p);

            p.a().error(new Request.AccountDelete(p.a().nextId(), "password-b"), ErrorCode.WRONG_CREDENTIALS);
            assertThat(p.b().<Result.History>ok(new Request.History(p.b().nextId(), null, null, 10)).calls()).hasSize(1);

            p.a().ok(new Request.AccountDelete(p.a().nextId(), "password-a"));

            assertThat(aLaptop.awaitClose()).isEqualTo(Protocol.CLOSE_ACCOUNT_CLOSED);
            assertThat(p.b().awaitEvent(Event.CallEnded.class, e -> e.callId().equals(live)).reason())
                    .isEqualTo(EndReason.LEFT_CHANNEL);
            assertThat(p.b().awaitEvent(Event.Presence.class, e -> e.state() == PresenceState.LEFT).user().username())
                    .isEqualTo(a);
            ChannelInfo handedOver = p.b().<Result.Channels>ok(new Request.ChannelsList(p.b().nextId())).channels().get(0);
            assertThat(handedOver.owner()).isEqualTo(b);
            assertThat(handedOver.members()).extracting(MemberInfo::username).containsExactly(b);
            assertThat(p.b().<Result.History>ok(new Request.History(p.b().nextId(), null, null, 10)).calls()).isEmpty();
            p.b().error(new Request.ChannelJoin(p.b().nextId(), solo), ErrorCode.CHANNEL_NOT_FOUND);
            String exportOfB = exportFrame(p.b());
            assertThat(exportOfB).doesNotContain(a).doesNotContain(p.aAuth().user().displayName());

            // The connection that asked stays open, signed out; the account is gone for every way in.
            assertThat(p.a().isOpen()).isTrue();
            p.a().error(new Request.AccountDelete(p.a().nextId(), "password-a"), ErrorCode.NOT_AUTHENTICATED);
            p.a().error(new Request.Resume(p.a().nextId(), p.aAuth().session().token()), ErrorCode.SESSION_EXPIRED);
            p.a().error(new Request.Login(p.a().nextId(), a, "password-a"), ErrorCode.WRONG_CREDENTIALS);
        }
    }

    @Test
    void theExportHoldsTheUsersOwnDataAndNoOneElses() throws Exception {
        try (Pair p = CallsIntegrationTest.pair(server); TestClient aLaptop = TestClient.hello(server)) {
            String a = p.aAuth().user().username();
            aLaptop.ok(new Request.Login(aLaptop.nextId(), a, "password-a"));
            String callId = CallsIntegrationTest.connect(p);
            p.a().ok(new Request.CallHangup(p.a().nextId(), callId));
            p.b().awaitEvent(Event.CallEnded.class);

            Result.AccountExport reply = p.a().ok(new Request.AccountExport(p.a().nextId()));
            String frame = p.a().framesSoFar().get(p.a().framesSoFar().size() - 1);

            AccountData data = reply.export();
            assertThat(data.profile()).isEqualTo(new AccountData.Profile(a, p.aAuth().user().displayName(),
                    a + "@example.org", data.profile().createdAt()));
            assertThat(data.channels()).containsExactly(new AccountData.Channel(p.channel(), true));
            assertThat(data.sessions()).hasSize(2).filteredOn(AccountData.Session::current).hasSize(1);
            assertThat(data.calls()).singleElement().satisfies(call -> {
                assertThat(call.callId()).isEqualTo(callId);
                assertThat(call.outgoing()).isTrue();
                assertThat(call.answeredAt()).isNotNull();
            });
            assertThat(data.moreCalls()).isFalse();
            String b = p.bAuth().user().username();
            assertThat(frame).contains("\"export\"").doesNotContain(b).doesNotContain(p.bAuth().user().displayName())
                    .doesNotContain(p.aAuth().session().token());
        }
    }

    private static String exportFrame(TestClient c) {
        c.ok(new Request.AccountExport(c.nextId()));
        return c.framesSoFar().get(c.framesSoFar().size() - 1);
    }
}
