package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.FieldFormat;
import app.duet.protocol.InviteInfo;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Private channels over the wire: invites, removal, lock and join requests, each with who may and may not. */
@ExtendWith(NoLeakedThreads.class)
class ChannelAccessIntegrationTest {
    private static final String FAKE_TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    @TempDir
    static Path dataDir;
    static ManualClock clock = new ManualClock();
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).opsPort(-1).build(), clock);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestClient user(String name) throws InterruptedException {
        return ChannelsIntegrationTest.signup(server, name);
    }

    static Result.InviteCreated invite(TestClient owner, String channel, Integer uses, Long seconds) {
        return owner.ok(new ChannelAccessRequests.ChannelInviteCreate(owner.nextId(), channel, uses, seconds));
    }

    @Test
    void nobodyJoinsWithoutAnInviteAndAnInviteFromElsewhereDoesNotCount() throws Exception {
        try (TestClient own = user("own1"); TestClient str = user("str1")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "private1"));
            own.ok(new Request.ChannelCreate(own.nextId(), "other1"));
            String forOther = invite(own, "other1", null, null).token();
            str.error(new Request.ChannelJoin(str.nextId(), "private1"), ErrorCode.CHANNEL_INVITE_REQUIRED);
            str.error(new Request.ChannelJoin(str.nextId(), "private1", FAKE_TOKEN), ErrorCode.INVITE_INVALID);
            str.error(new Request.ChannelJoin(str.nextId(), "private1", forOther), ErrorCode.INVITE_INVALID);
            Result.Channels list = own.ok(new Request.ChannelsList(own.nextId()));
            assertThat(list.channels()).allSatisfy(c -> assertThat(c.members()).hasSize(1));
        }
    }

    @Test
    void aSingleUseInviteLetsOneInThenIsUsedUp() throws Exception {
        try (TestClient own = user("own2"); TestClient bob = user("bob2"); TestClient eve = user("eve2")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room2"));
            Result.InviteCreated created = invite(own, "room2", null, null);
            assertThat(FieldFormat.INVITE_TOKEN.matches(created.token())).isTrue();
            assertThat(created.invite().maxUses()).isEqualTo(1);
            assertThat(created.invite().expiresAt() - created.invite().createdAt()).isEqualTo(Duration.ofDays(7).toMillis());

            Result.Channel joined = bob.ok(new Request.ChannelJoin(bob.nextId(), "room2", created.token()));
            assertThat(joined.channel().members()).extracting(MemberInfo::username).containsExactly("own2", "bob2");
            assertThat(own.awaitEvent(Event.Presence.class).state()).isEqualTo(PresenceState.JOINED);
            bob.ok(new Request.ChannelLeave(bob.nextId(), "room2"));
            bob.error(new Request.ChannelJoin(bob.nextId(), "room2", created.token()), ErrorCode.INVITE_USED_UP);
            eve.error(new Request.ChannelJoin(eve.nextId(), "room2", created.token()), ErrorCode.INVITE_USED_UP);
            Result.Invites live = own.ok(new ChannelAccessRequests.ChannelInvites(own.nextId(), "room2"));
            assertThat(live.invites()).isEmpty();
        }
    }

    @Test
    void expiredAndRevokedInvitesFailWithTheirOwnCodes() throws Exception {
        try (TestClient own = user("own3"); TestClient bob = user("bob3")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room3"));
            String shortLived = invite(own, "room3", 5, 3600L).token();
            Result.InviteCreated revoked = invite(own, "room3", 5, null);
            Result.Invites live = own.ok(new ChannelAccessRequests.ChannelInvites(own.nextId(), "room3"));
            assertThat(live.invites()).extracting(InviteInfo::id).contains(revoked.invite().id()).hasSize(2);

            own.ok(new ChannelAccessRequests.ChannelInviteRevoke(own.nextId(), "room3", revoked.invite().id()));
            bob.error(new Request.ChannelJoin(bob.nextId(), "room3", revoked.token()), ErrorCode.INVITE_REVOKED);
            clock.advance(Duration.ofHours(2));
            bob.error(new Request.ChannelJoin(bob.nextId(), "room3", shortLived), ErrorCode.INVITE_EXPIRED);
            live = own.ok(new ChannelAccessRequests.ChannelInvites(own.nextId(), "room3"));
            assertThat(live.invites()).isEmpty();
        }
    }

    @Test
    void aStrangerCannotListRevokeOrMakeAnotherOwnersInvites() throws Exception {
        try (TestClient own = user("own4"); TestClient mem = user("mem4"); TestClient str = user("str4")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room4"));
            mem.joinInvitedBy(own, "room4");
            Result.InviteCreated created = invite(own, "room4", 3, null);
            for (TestClient notOwner : new TestClient[] {mem, str}) {
                notOwner.error(new ChannelAccessRequests.ChannelInvites(notOwner.nextId(), "room4"), ErrorCode.NOT_OWNER);
                notOwner.error(new ChannelAccessRequests.ChannelInviteRevoke(notOwner.nextId(), "room4", created.invite().id()),
                        ErrorCode.NOT_OWNER);
                notOwner.error(new ChannelAccessRequests.ChannelInviteCreate(notOwner.nextId(), "room4", null, null), ErrorCode.NOT_OWNER);
                notOwner.error(new ChannelAccessRequests.ChannelLock(notOwner.nextId(), "room4", true), ErrorCode.NOT_OWNER);
                notOwner.error(new ChannelAccessRequests.ChannelRemoveMember(notOwner.nextId(), "room4", "own4"), ErrorCode.NOT_OWNER);
                notOwner.error(new ChannelAccessRequests.ChannelJoinRequests(notOwner.nextId(), "room4"), ErrorCode.NOT_OWNER);
            }
            own.error(new ChannelAccessRequests.ChannelInviteRevoke(own.nextId(), "room4", "i-nosuchinvite"), ErrorCode.INVITE_INVALID);
            Result.Invites live = own.ok(new ChannelAccessRequests.ChannelInvites(own.nextId(), "room4"));
            assertThat(live.invites()).extracting(InviteInfo::id).containsExactly(created.invite().id());
        }
    }

    @Test
    void aRemovedMemberLosesTheCallAtOnceAndCannotComeBackWithAnOldInvite() throws Exception {
        try (TestClient own = user("own5"); TestClient bob = user("bob5")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room5"));
            String twoUses = invite(own, "room5", 2, null).token();
            bob.ok(new Request.ChannelJoin(bob.nextId(), "room5", twoUses));
            Result.CallRing ring = own.ok(new Request.CallRing(own.nextId(), "room5", Media.AUDIO));
            bob.awaitEvent(Event.CallIncoming.class);
            bob.ok(new Request.CallAccept(bob.nextId(), ring.callId()));

            own.error(new ChannelAccessRequests.ChannelRemoveMember(own.nextId(), "room5", "own5"), ErrorCode.WRONG_STATE);
            own.ok(new ChannelAccessRequests.ChannelRemoveMember(own.nextId(), "room5", "bob5"));
            assertThat(bob.awaitEvent(Event.ChannelRemoved.class).name()).isEqualTo("room5");
            assertThat(bob.awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.LEFT_CHANNEL);
            assertThat(own.awaitEvent(Event.CallEnded.class).callId()).isEqualTo(ring.callId());
            bob.error(new Request.CallRing(bob.nextId(), "room5", Media.AUDIO), ErrorCode.NOT_A_MEMBER);
            assertThat(bob.<Result.Channels>ok(new Request.ChannelsList(bob.nextId())).channels()).isEmpty();

            bob.error(new Request.ChannelJoin(bob.nextId(), "room5", twoUses), ErrorCode.REMOVED_FROM_CHANNEL);
            bob.error(new Request.ChannelJoin(bob.nextId(), "room5", invite(own, "room5", null, null).token()),
                    ErrorCode.REMOVED_FROM_CHANNEL);
            own.error(new ChannelAccessRequests.ChannelRemoveMember(own.nextId(), "room5", "bob5"), ErrorCode.NOT_A_MEMBER);
        }
    }

    @Test
    void aLockedChannelTakesNobodyUntilUnlocked() throws Exception {
        try (TestClient own = user("own6"); TestClient bob = user("bob6")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room6"));
            String token = invite(own, "room6", null, null).token();
            own.ok(new ChannelAccessRequests.ChannelLock(own.nextId(), "room6", true));
            assertThat(own.<Result.Channels>ok(new Request.ChannelsList(own.nextId())).channels().get(0).isLocked()).isTrue();
            bob.error(new Request.ChannelJoin(bob.nextId(), "room6", token), ErrorCode.CHANNEL_LOCKED);
            bob.error(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), "room6"), ErrorCode.CHANNEL_LOCKED);
            own.ok(new ChannelAccessRequests.ChannelLock(own.nextId(), "room6", false));
            bob.ok(new Request.ChannelJoin(bob.nextId(), "room6", token));
        }
    }

    @Test
    void aJoinRequestReachesTheOwnerWhoApprovesOrDenies() throws Exception {
        try (TestClient own = user("own7"); TestClient bob = user("bob7"); TestClient eve = user("eve7")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room7"));
            eve.ok(new ChannelAccessRequests.ChannelJoinRequest(eve.nextId(), "room7"));
            bob.ok(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), "room7"));
            bob.ok(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), "room7")); // again: no second event
            assertThat(own.awaitEvent(Event.JoinRequested.class).user().username()).isEqualTo("eve7");
            assertThat(own.awaitEvent(Event.JoinRequested.class).user()).isEqualTo(new UserInfo("bob7", "User bob7"));
            Result.JoinRequests waiting = own.ok(new ChannelAccessRequests.ChannelJoinRequests(own.nextId(), "room7"));
            assertThat(waiting.users()).extracting(UserInfo::username).containsExactly("eve7", "bob7");
            bob.error(new ChannelAccessRequests.ChannelJoinAnswer(bob.nextId(), "room7", "bob7", true), ErrorCode.NOT_OWNER);

            own.ok(new ChannelAccessRequests.ChannelJoinAnswer(own.nextId(), "room7", "eve7", false));
            assertThat(eve.awaitEvent(Event.JoinAnswered.class).approved()).isFalse();
            eve.error(new Request.ChannelJoin(eve.nextId(), "room7"), ErrorCode.CHANNEL_INVITE_REQUIRED);
            own.error(new ChannelAccessRequests.ChannelJoinAnswer(own.nextId(), "room7", "eve7", true), ErrorCode.WRONG_STATE);

            own.ok(new ChannelAccessRequests.ChannelJoinAnswer(own.nextId(), "room7", "bob7", true));
            assertThat(bob.awaitEvent(Event.JoinAnswered.class)).isEqualTo(new Event.JoinAnswered("room7", true));
            assertThat(own.awaitEvent(Event.Presence.class).state()).isEqualTo(PresenceState.JOINED);
            ChannelInfo room = bob.<Result.Channels>ok(new Request.ChannelsList(bob.nextId())).channels().get(0);
            assertThat(room.members()).extracting(MemberInfo::username).containsExactly("own7", "bob7");
            bob.error(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), "room7"), ErrorCode.WRONG_STATE);
            eve.error(new ChannelAccessRequests.ChannelJoinRequest(eve.nextId(), "room7"), ErrorCode.CHANNEL_FULL);
            assertThat(own.<Result.JoinRequests>ok(new ChannelAccessRequests.ChannelJoinRequests(own.nextId(), "room7")).users()).isEmpty();
        }
    }

    @Test
    void onlyTheOwnersApprovalBringsARemovedMemberBack() throws Exception {
        try (TestClient own = user("own8"); TestClient bob = user("bob8")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room8"));
            bob.joinInvitedBy(own, "room8");
            own.ok(new ChannelAccessRequests.ChannelRemoveMember(own.nextId(), "room8", "bob8"));
            bob.ok(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), "room8"));
            own.ok(new ChannelAccessRequests.ChannelJoinAnswer(own.nextId(), "room8", "bob8", true));
            assertThat(bob.awaitEvent(Event.JoinAnswered.class).approved()).isTrue();
            assertThat(bob.<Result.Channels>ok(new Request.ChannelsList(bob.nextId())).channels()).hasSize(1);
        }
    }

    @Test
    void floodsAndBadFieldsGetClearErrorsAndTheConnectionStays() throws Exception {
        try (TestClient own = user("own9"); TestClient str = user("str9")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room9"));
            own.error(new ChannelAccessRequests.ChannelInviteCreate(own.nextId(), "room9", 0, null), ErrorCode.INVALID_FIELD);
            own.error(new ChannelAccessRequests.ChannelInviteCreate(own.nextId(), "room9", 101, null), ErrorCode.INVALID_FIELD);
            own.error(new ChannelAccessRequests.ChannelInviteCreate(own.nextId(), "room9", null, 59L), ErrorCode.INVALID_FIELD);
            own.error(new ChannelAccessRequests.ChannelInviteCreate(own.nextId(), "room9", null, 31L * 24 * 3600), ErrorCode.INVALID_FIELD);
            for (int i = 0; i < 20; i++) {
                invite(own, "room9", null, null);
            }
            ErrorReply full = own.error(new ChannelAccessRequests.ChannelInviteCreate(own.nextId(), "room9", null, null),
                    ErrorCode.LIMIT_REACHED);
            assertThat(full.message()).contains("revoke");
            str.sendRaw("{\"type\":\"channel_join\",\"id\":\"j1\",\"name\":\"room9\",\"invite\":\"short\"}");
            assertThat(((ErrorReply) str.awaitUnmatched()).code()).isEqualTo(ErrorCode.INVALID_FIELD);
            str.sendRaw("{\"type\":\"channel_lock\",\"id\":\"j2\",\"channel\":\"room9\",\"locked\":\"yes\"}");
            assertThat(((ErrorReply) str.awaitUnmatched()).code()).isEqualTo(ErrorCode.INVALID_FIELD);
            str.sendRaw("{\"type\":\"channel_join_answer\",\"id\":\"j3\",\"channel\":\"room9\",\"username\":\"X\",\"approve\":true}");
            assertThat(((ErrorReply) str.awaitUnmatched()).code()).isEqualTo(ErrorCode.INVALID_FIELD);
            str.ok(new Request.Ping(str.nextId()));
        }
        try (TestClient own = user("own10")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room10"));
            for (int i = 0; i < 10; i++) {
                try (TestClient asker = user("ask10-" + i)) {
                    asker.ok(new ChannelAccessRequests.ChannelJoinRequest(asker.nextId(), "room10"));
                }
            }
            try (TestClient late = user("late10")) {
                late.error(new ChannelAccessRequests.ChannelJoinRequest(late.nextId(), "room10"), ErrorCode.LIMIT_REACHED);
            }
        }
    }

    @Test
    void aChannelWithoutANameGetsOneNobodyGuesses() throws Exception {
        try (TestClient own = user("own11")) {
            Result.Channel a = own.ok(new Request.ChannelCreate(own.nextId(), null));
            Result.Channel b = own.ok(new Request.ChannelCreate(own.nextId(), null));
            assertThat(a.channel().name()).matches("c-[a-z0-9]{20}").isNotEqualTo(b.channel().name());
            assertThat(a.channel().owner()).isEqualTo("own11");
        }
    }

    @Test
    void invitesJoinRequestsRemovalsAndLocksSurviveARestart(@TempDir Path ownDir) throws Exception {
        String oneLeft;
        String revoked;
        try (DuetServer first = DuetServer.start(TestServers.config(ownDir).opsPort(-1).build(), clock);
                TestClient own = ChannelsIntegrationTest.signup(first, "own12");
                TestClient bob = ChannelsIntegrationTest.signup(first, "bob12");
                TestClient eve = ChannelsIntegrationTest.signup(first, "eve12")) {
            own.ok(new Request.ChannelCreate(own.nextId(), "room12"));
            oneLeft = invite(own, "room12", 2, null).token();
            Result.InviteCreated toRevoke = invite(own, "room12", null, null);
            revoked = toRevoke.token();
            own.ok(new ChannelAccessRequests.ChannelInviteRevoke(own.nextId(), "room12", toRevoke.invite().id()));
            bob.ok(new Request.ChannelJoin(bob.nextId(), "room12", oneLeft));
            own.ok(new ChannelAccessRequests.ChannelRemoveMember(own.nextId(), "room12", "bob12"));
            eve.ok(new ChannelAccessRequests.ChannelJoinRequest(eve.nextId(), "room12"));
            own.ok(new ChannelAccessRequests.ChannelLock(own.nextId(), "room12", true));
        }
        try (DuetServer again = DuetServer.start(TestServers.config(ownDir).opsPort(-1).build(), clock);
                TestClient own = TestClient.hello(again); TestClient bob = TestClient.hello(again);
                TestClient eve = TestClient.hello(again)) {
            own.ok(new Request.Login(own.nextId(), "own12", "password-own12"));
            bob.ok(new Request.Login(bob.nextId(), "bob12", "password-bob12"));
            eve.ok(new Request.Login(eve.nextId(), "eve12", "password-eve12"));
            assertThat(own.<Result.JoinRequests>ok(new ChannelAccessRequests.ChannelJoinRequests(own.nextId(), "room12"))
                    .users()).containsExactly(new UserInfo("eve12", "User eve12"));
            eve.error(new Request.ChannelJoin(eve.nextId(), "room12", oneLeft), ErrorCode.CHANNEL_LOCKED);
            own.ok(new ChannelAccessRequests.ChannelLock(own.nextId(), "room12", false));
            bob.error(new Request.ChannelJoin(bob.nextId(), "room12", oneLeft), ErrorCode.REMOVED_FROM_CHANNEL);
            eve.error(new Request.ChannelJoin(eve.nextId(), "room12", revoked), ErrorCode.INVITE_REVOKED);
            eve.ok(new Request.ChannelJoin(eve.nextId(), "room12", oneLeft));
            assertThat(own.<Result.JoinRequests>ok(new ChannelAccessRequests.ChannelJoinRequests(own.nextId(), "room12"))
                    .users()).as("joining with an invite answers the request").isEmpty();
            assertThat(own.<Result.Invites>ok(new ChannelAccessRequests.ChannelInvites(own.nextId(), "room12")).invites()).isEmpty();
        }
    }
}
