package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.Ok;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import app.duet.server.config.PostgresDatabase;
import app.duet.server.config.ServerConfig;
import app.duet.server.store.Channels.Member;
import app.duet.server.store.Stores;
import app.duet.server.testing.PrivatePostgres;
import app.duet.server.testing.SharedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two changes of one channel through two nodes at the same moment (real nodes in this JVM on one private Redis
 * and one new database on the private PostgreSQL, real WebSocket clients, each pair sent together by {@link
 * Simultaneously}), many rounds: the outcome is one the rules allow in some order — never a third member, a
 * channel without members, a member of a deleted channel nobody told — and the database and both nodes'
 * {@code channels_list} agree. A rename is in the other node's copy by the time the renamer is answered.
 */
@ExtendWith(SharedPostgres.class)
class ChannelRacesAcrossNodesIntegrationTest {
    private static final int ROUNDS = 20;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ClusterNodes cluster;
    private Stores record;
    private DuetServer a;
    private DuetServer b;

    @BeforeEach
    void start(PrivatePostgres postgres) throws Exception {
        PostgresDatabase database = new PostgresDatabase(postgres.url(postgres.createDatabase()), PrivatePostgres.USER,
                PrivatePostgres.PASSWORD);
        cluster = ClusterNodes.start(dir);
        // The owner sends a few requests per round, faster than the default rate limit allows.
        UnaryOperator<ServerConfig.Builder> settings = s -> s.postgres(database).rateLimitPerSecond(10_000)
                .rateLimitBurst(10_000);
        a = cluster.node("a", settings);
        b = cluster.node("b", settings);
        record = Stores.postgresUpToDate(database.url(), database.user(), database.password());
    }

    @AfterEach
    void stopAll() throws Exception {
        if (record != null) {
            record.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void ofTwoJoinsForTheLastPlaceThroughTwoNodesExactlyOneGetsIn() throws Exception {
        TestClient ann = cluster.signup(a.uri(), "ann");
        TestClient annOnB = cluster.login(b.uri(), "ann");
        List<TestClient> joiners = List.of(cluster.signup(a.uri(), "bob"), cluster.signup(b.uri(), "cat"));
        for (int round = 0; round < ROUNDS; round++) {
            String name = "race-" + round;
            ann.ok(new Request.ChannelCreate(ann.nextId(), name));
            String token = ann.<Result.InviteCreated>ok(
                    new ChannelAccessRequests.ChannelInviteCreate(ann.nextId(), name, 2, null)).token();

            List<ServerMessage> replies = Simultaneously.send(joiners,
                    (c, i) -> c.request(new Request.ChannelJoin(c.nextId(), name, token)));

            assertThat(replies).as(name).filteredOn(Ok.class::isInstance).hasSize(1);
            int in = replies.get(0) instanceof Ok ? 0 : 1;
            assertThat(replies.get(1 - in)).as(name).isInstanceOfSatisfying(ErrorReply.class,
                    e -> assertThat(e.code()).as(e.message()).isEqualTo(ErrorCode.CHANNEL_FULL));
            String member = in == 0 ? "bob" : "cat";
            assertMembers(name, List.of(ann, annOnB, joiners.get(in)), "ann", member);
            assertThat(listed(joiners.get(1 - in), name)).as(name + " for the one refused").isEmpty();
            assertThat(ann.awaitEvent(Event.Presence.class, p -> p.channel().equals(name)).user().username())
                    .isEqualTo(member);
        }
        assertThat(ann.eventsOf(Event.Presence.class)).as("nobody is seen joining who did not get in").isEmpty();
    }

    @Test
    void bothMembersLeavingAtOnceThroughTwoNodesLeaveNoChannel() throws Exception {
        TestClient ann = cluster.signup(a.uri(), "ann");
        TestClient bob = cluster.signup(b.uri(), "bob");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "leave-" + round;
            ann.ok(new Request.ChannelCreate(ann.nextId(), name));
            bob.joinInvitedBy(ann, name);

            List<ServerMessage> replies = Simultaneously.send(List.of(ann, bob),
                    (c, i) -> c.request(new Request.ChannelLeave(c.nextId(), name)));

            assertThat(replies).as(name).allMatch(Ok.class::isInstance);
            assertGone(name, ann, bob);
            bob.ok(new Request.ChannelCreate(bob.nextId(), name)); // the name is free again, on either node
            bob.ok(new Request.ChannelDelete(bob.nextId(), name));
        }
    }

    @Test
    void aJoinThroughOneNodeWhileTheOwnerDeletesThroughTheOtherEndsWithNoChannelAndTheJoinerTold() throws Exception {
        TestClient ann = cluster.signup(a.uri(), "ann");
        TestClient cat = cluster.signup(b.uri(), "cat");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "gone-" + round;
            List<ServerMessage> replies = ownerChangesWhileOneJoins(ann, cat, name,
                    id -> new Request.ChannelDelete(id, name));

            assertThat(replies.get(0)).as(name).isInstanceOf(Ok.class);
            if (replies.get(1) instanceof Ok) {
                cat.awaitEvent(Event.ChannelDeleted.class, e -> e.name().equals(name));
            } else {
                assertThat(((ErrorReply) replies.get(1)).code()).as(name)
                        .isIn(ErrorCode.CHANNEL_NOT_FOUND, ErrorCode.INVITE_INVALID);
            }
            assertGone(name, ann, cat);
        }
    }

    @Test
    void aJoinThroughOneNodeWhileTheOwnerLocksThroughTheOtherIsInOnlyIfItCameFirst() throws Exception {
        TestClient ann = cluster.signup(a.uri(), "ann");
        TestClient annOnB = cluster.login(b.uri(), "ann");
        TestClient cat = cluster.signup(b.uri(), "cat");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "lock-" + round;
            List<ServerMessage> replies = ownerChangesWhileOneJoins(ann, cat, name,
                    id -> new ChannelAccessRequests.ChannelLock(id, name, true));

            assertThat(replies.get(0)).as(name).isInstanceOf(Ok.class);
            if (replies.get(1) instanceof Ok) {
                assertMembers(name, List.of(ann, annOnB, cat), "ann", "cat");
            } else {
                assertThat(((ErrorReply) replies.get(1)).code()).as(name).isEqualTo(ErrorCode.CHANNEL_LOCKED);
                assertMembers(name, List.of(ann, annOnB), "ann");
                assertThat(listed(cat, name)).isEmpty();
            }
            assertThat(record.privateChannels().load(name).locked()).as(name).containsExactly(name);
            for (TestClient viewer : List.of(ann, annOnB)) {
                assertThat(listed(viewer, name).orElseThrow().locked()).as(name).isTrue();
            }
        }
    }

    @Test
    void theOwnerRemovingAMemberThroughOneNodeWhileTheyLeaveThroughTheOtherLeavesTheOwnerAlone() throws Exception {
        TestClient ann = cluster.signup(a.uri(), "ann");
        TestClient annOnB = cluster.login(b.uri(), "ann");
        TestClient bob = cluster.signup(b.uri(), "bob");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "out-" + round;
            ann.ok(new Request.ChannelCreate(ann.nextId(), name));
            bob.joinInvitedBy(ann, name);

            List<ServerMessage> replies = Simultaneously.send(List.of(ann, bob), (c, i) -> c.request(i == 0
                    ? new ChannelAccessRequests.ChannelRemoveMember(c.nextId(), name, "bob")
                    : new Request.ChannelLeave(c.nextId(), name)));

            for (ServerMessage reply : replies) {
                if (reply instanceof ErrorReply e) { // the other one came first and was seen
                    assertThat(e.code()).as(name + ": " + e.message()).isEqualTo(ErrorCode.NOT_A_MEMBER);
                }
            }
            assertThat(replies).as(name).anyMatch(Ok.class::isInstance);
            assertMembers(name, List.of(ann, annOnB), "ann");
            assertThat(listed(bob, name)).as(name).isEmpty();
        }
    }

    /** The account's channels are handed over or deleted in the database, as an owner leaving would. */
    @Test
    void anOwnerDeletingTheirAccountThroughOneNodeWhileTheMemberLeavesThroughTheOtherLeavesNoChannel()
            throws Exception {
        TestClient bob = cluster.signup(b.uri(), "bob");
        TestClient bobOnA = cluster.login(a.uri(), "bob");
        for (int round = 0; round < ROUNDS / 2; round++) {
            String owner = "owner" + round;
            String name = "heir-" + round;
            TestClient ann = cluster.signup(a.uri(), owner);
            ann.ok(new Request.ChannelCreate(ann.nextId(), name));
            bob.joinInvitedBy(ann, name);

            List<ServerMessage> replies = Simultaneously.send(List.of(ann, bob), (c, i) -> c.request(i == 0
                    ? new Request.AccountDelete(c.nextId(), ClusterNodes.password(owner))
                    : new Request.ChannelLeave(c.nextId(), name)));

            assertThat(replies).as(name).allMatch(Ok.class::isInstance);
            assertGone(name, bob, bobOnA);
        }
    }

    @Test
    void aNewDisplayNameIsInTheOtherNodesCopyByTheTimeTheRenameIsAnswered() throws Exception {
        ClusterNodes.Duo duo = cluster.duo(a.uri(), b.uri());
        TestClient alice = duo.owner();
        TestClient bob = duo.guest();

        bob.ok(new Request.ChangeDisplayName(bob.nextId(), "Bobby"));

        assertThat(listed(alice, ClusterNodes.CHANNEL).orElseThrow().members())
                .extracting(MemberInfo::username, MemberInfo::displayName)
                .contains(tuple("bob", "Bobby"));
        // Node a tells of bob from its copy of the channel: the presence event has the new name too.
        alice.ok(new ChannelAccessRequests.ChannelRemoveMember(alice.nextId(), ClusterNodes.CHANNEL, "bob"));
        Event.Presence left = alice.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.LEFT);
        assertThat(left.user().displayName()).isEqualTo("Bobby");
        assertThat(alice.awaitEvent(Event.DisplayNameChanged.class).user().displayName()).isEqualTo("Bobby");
    }

    /**
     * {@code owner} makes the channel and an invite to it; then the owner's {@code change} (given its request
     * id) and {@code joiner}'s join with the invite go at the same moment. Their replies, the owner's first.
     */
    private static List<ServerMessage> ownerChangesWhileOneJoins(TestClient owner, TestClient joiner, String name,
            Function<String, Request> change) {
        owner.ok(new Request.ChannelCreate(owner.nextId(), name));
        String token = owner.<Result.InviteCreated>ok(
                new ChannelAccessRequests.ChannelInviteCreate(owner.nextId(), name, null, null)).token();
        return Simultaneously.send(List.of(owner, joiner), (c, i) -> c.request(i == 0
                ? change.apply(c.nextId()) : new Request.ChannelJoin(c.nextId(), name, token)));
    }

    /** The stored members of {@code name} are {@code members}, and so are those each viewer's node lists. */
    private void assertMembers(String name, List<TestClient> viewers, String... members) {
        assertThat(record.channels().load(name).orElseThrow().members()).as(name + " as stored")
                .extracting(Member::username).containsExactly(members);
        for (TestClient viewer : viewers) {
            assertThat(listed(viewer, name).orElseThrow().members()).as(name + " as listed")
                    .extracting(MemberInfo::username).containsExactly(members);
        }
    }

    private void assertGone(String name, TestClient... viewers) {
        assertThat(record.channels().load(name)).as(name + " as stored").isEmpty();
        for (TestClient viewer : viewers) {
            assertThat(listed(viewer, name)).as(name + " as listed").isEmpty();
        }
    }

    private static Optional<ChannelInfo> listed(TestClient client, String name) {
        return client.<Result.Channels>ok(new Request.ChannelsList(client.nextId())).channels().stream()
                .filter(c -> c.name().equals(name)).findFirst();
    }
}
