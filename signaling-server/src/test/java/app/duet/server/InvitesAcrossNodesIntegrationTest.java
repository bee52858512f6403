package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one server (one database, one private Redis): an invite made on one node works on the other,
 * is used up for both, and a join request made on one is seen and answered on the other.
 */
class InvitesAcrossNodesIntegrationTest {
    private static final String CHANNEL = "shared-room";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private PrivateRedis redis;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = PrivateRedis.start(dir.resolve("redis"));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        redis.close();
    }

    @Test
    void anInviteFromOneNodeWorksOnTheOtherAndIsUsedUpForBoth() throws Exception {
        DuetServer a = node("a");
        DuetServer b = node("b");
        TestClient ann = signup(a, "ann");
        ann.ok(new Request.ChannelCreate(ann.nextId(), CHANNEL));
        ann.ok(new Request.ChannelCreate(ann.nextId(), "second-room"));
        Result.InviteCreated invite = ann.ok(new ChannelAccessRequests.ChannelInviteCreate(ann.nextId(), CHANNEL, 1, null));

        TestClient bob = signup(b, "bob");
        Result.Channel joined = bob.ok(new Request.ChannelJoin(bob.nextId(), CHANNEL, invite.token()));
        assertThat(joined.channel().members()).extracting(MemberInfo::username).containsExactly("ann", "bob");
        bob.ok(new Request.ChannelLeave(bob.nextId(), CHANNEL)); // a free place again: only the invite stops eve

        TestClient eve = signup(a, "eve");
        eve.error(new Request.ChannelJoin(eve.nextId(), CHANNEL, invite.token()), ErrorCode.INVITE_USED_UP);
        assertThat(ann.<Result.Invites>ok(new ChannelAccessRequests.ChannelInvites(ann.nextId(), CHANNEL)).invites())
                .isEmpty();

        Result.InviteCreated revoked = ann.ok(new ChannelAccessRequests.ChannelInviteCreate(ann.nextId(), "second-room", 5, null));
        ann.ok(new ChannelAccessRequests.ChannelInviteRevoke(ann.nextId(), "second-room", revoked.invite().id()));
        TestClient eveOnB = login(b, "eve");
        eveOnB.error(new Request.ChannelJoin(eveOnB.nextId(), "second-room", revoked.token()), ErrorCode.INVITE_REVOKED);
    }

    @Test
    void aJoinRequestMadeOnOneNodeIsAnsweredOnTheOther() throws Exception {
        DuetServer a = node("a");
        DuetServer b = node("b");
        TestClient ann = signup(a, "ann");
        ann.ok(new Request.ChannelCreate(ann.nextId(), CHANNEL));

        TestClient bob = signup(b, "bob");
        bob.ok(new ChannelAccessRequests.ChannelJoinRequest(bob.nextId(), CHANNEL));
        assertThat(ann.awaitEvent(Event.JoinRequested.class).user()).isEqualTo(new UserInfo("bob", "BOB"));
        TestClient annOnB = login(b, "ann");
        assertThat(annOnB.<Result.JoinRequests>ok(new ChannelAccessRequests.ChannelJoinRequests(annOnB.nextId(), CHANNEL))
                .users()).extracting(UserInfo::username).containsExactly("bob");

        ann.ok(new ChannelAccessRequests.ChannelJoinAnswer(ann.nextId(), CHANNEL, "bob", false));
        assertThat(bob.awaitEvent(Event.JoinAnswered.class).approved()).isFalse();
        annOnB.error(new ChannelAccessRequests.ChannelJoinAnswer(annOnB.nextId(), CHANNEL, "bob", true),
                ErrorCode.WRONG_STATE);
        assertThat(ann.<Result.JoinRequests>ok(new ChannelAccessRequests.ChannelJoinRequests(ann.nextId(), CHANNEL))
                .users()).isEmpty();
    }

    private DuetServer node(String name) throws Exception {
        DuetServer node = DuetServer.start(TestServers.config(dir.resolve("node-" + name)).opsPort(-1)
                .databaseFile(dir.resolve("shared.db")).redisUrl(redis.url()).nodeId(name).build());
        open.add(node);
        return node;
    }

    private TestClient signup(DuetServer node, String username) throws InterruptedException {
        TestClient client = TestClient.hello(node);
        open.add(client);
        client.ok(new Request.Signup(client.nextId(), username, username.toUpperCase(), username + "@example.org",
                "password-of-" + username));
        return client;
    }

    private TestClient login(DuetServer node, String username) throws InterruptedException {
        TestClient client = TestClient.hello(node);
        open.add(client);
        client.ok(new Request.Login(client.nextId(), username, "password-of-" + username));
        return client;
    }
}
