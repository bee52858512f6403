package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account changes with several nodes (real nodes in this JVM on one Redis and one SQLite file, real WebSocket
 * clients): every node applies a rename or a deletion to its own connections and its copy of the channels, and
 * the channels' members are told once, not once per node. To know that no copy is still on its way, the tests
 * wait until every node has applied the change (a later change closes connections on each node: a node
 * applies changes in order) and then receive a ring from each node (each node's relayed events arrive in order).
 */
class AccountChangesAcrossNodesIntegrationTest {
    private static final String CHANNEL = ClusterNodes.CHANNEL;
    /** bob's second channel, with dave: rings from dave on each node once alice is gone. */
    private static final String PROBE = "probe";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ClusterNodes cluster;

    @AfterEach
    void stopAll() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRenameThroughOneNodeReachesEachMemberOnceAndEveryNodeRenamesItsConnections() throws Exception {
        cluster = ClusterNodes.start(dir);
        List<DuetServer> nodes = List.of(cluster.node("a"), cluster.node("b"), cluster.node("c"));
        ClusterNodes.Duo duo = cluster.duo(nodes.get(0).uri(), nodes.get(1).uri());
        TestClient bob = duo.guest();
        List<TestClient> alice = List.of(duo.owner(), login(nodes.get(1), "alice"), login(nodes.get(2), "alice"));

        duo.owner().ok(new Request.ChangeDisplayName(duo.owner().nextId(), "Alice Renamed"));

        assertRenamedOnceOnNodeB(nodes, alice, bob, new UserInfo("alice", "Alice Renamed"));
    }

    @Test
    void anAdminRenameReachesEachMemberOnce() throws Exception {
        cluster = ClusterNodes.start(dir);
        List<DuetServer> nodes = List.of(cluster.node("a"), cluster.node("b"));
        ClusterNodes.Duo duo = cluster.duo(nodes.get(0).uri(), nodes.get(1).uri());
        List<TestClient> alice = List.of(duo.owner(), login(nodes.get(1), "alice"));

        AdminCli.Run rename = new AdminCli(dir).run("user", "rename", "alice", "Alice Admin",
                "--db-file", cluster.database().toString());
        assertThat(rename.exit()).as(rename.err()).isZero();

        assertRenamedOnceOnNodeB(nodes, alice, duo.guest(), new UserInfo("alice", "Alice Admin"));
    }

    @Test
    void anAccountDeletedThroughOneNodeLeavesAndEndsItsCallOnceAndItsConnectionsCloseOnEveryNode() throws Exception {
        assertDeletedOnce(List.of("a", "b", "c"), owner ->
                owner.ok(new Request.AccountDelete(owner.nextId(), ClusterNodes.password("alice"))));
    }

    @Test
    void anAdminDeletionLeavesAndEndsItsCallOnceAndItsConnectionsCloseOnEveryNode() throws Exception {
        assertDeletedOnce(List.of("a", "b"), owner -> {
            AdminCli.Run delete = new AdminCli(dir).run("user", "delete", "alice", "--db-file", cluster.database().toString());
            assertThat(delete.exit()).as(delete.err()).isZero();
        });
    }

    /**
     * alice (owner of {@link #CHANNEL}, connected to node a, and once more to each node) rings bob (on node b)
     * and is deleted by {@code deletion}: bob sees the call end and alice leave once each, and each node closes
     * its connections of alice.
     */
    private void assertDeletedOnce(List<String> nodeIds, Consumer<TestClient> deletion) throws Exception {
        cluster = ClusterNodes.start(dir);
        List<DuetServer> nodes = new ArrayList<>();
        for (String id : nodeIds) {
            nodes.add(cluster.node(id));
        }
        ClusterNodes.Duo duo = cluster.duo(nodes.get(0).uri(), nodes.get(1).uri());
        TestClient bob = duo.guest();
        List<TestClient> dave = probeWithDave(nodes, bob);
        List<TestClient> alice = loginOnEach(nodes, "alice");
        String ringing = duo.owner().<Result.CallRing>ok(new Request.CallRing(duo.owner().nextId(), CHANNEL, Media.AUDIO))
                .callId();
        bob.awaitEvent(Event.CallIncoming.class);

        deletion.accept(duo.owner());

        assertThat(bob.awaitEvent(Event.CallEnded.class, e -> e.callId().equals(ringing)).reason())
                .isEqualTo(EndReason.LEFT_CHANNEL);
        assertThat(bob.awaitEvent(Event.Presence.class, e -> e.state() == PresenceState.LEFT).user().username())
                .isEqualTo("alice");
        for (TestClient connection : alice) {
            assertThat(connection.awaitClose()).isEqualTo(Protocol.CLOSE_ACCOUNT_CLOSED);
        }
        dave.forEach(fromNode -> ringAndCancel(fromNode, bob, PROBE));
        assertThat(bob.eventsOf(Event.Presence.class)).filteredOn(e -> e.state() == PresenceState.LEFT).isEmpty();
        assertThat(bob.eventsOf(Event.CallEnded.class)).isEmpty();
    }

    /**
     * Once every node applied the rename of alice, each node's connection of alice rings bob with the new name,
     * and bob and alice's connection on node b (index 1) got {@code display_name_changed} exactly once.
     */
    private void assertRenamedOnceOnNodeB(List<DuetServer> nodes, List<TestClient> alice, TestClient bob,
            UserInfo renamed) throws InterruptedException {
        assertThat(bob.awaitEvent(Event.DisplayNameChanged.class).user()).isEqualTo(renamed);
        assertThat(alice.get(1).awaitEvent(Event.DisplayNameChanged.class).user()).isEqualTo(renamed);
        everyNodeAppliedTheChangesSoFar(nodes);
        for (TestClient fromNode : alice) {
            assertThat(ringAndCancel(fromNode, bob, CHANNEL).from()).isEqualTo(renamed);
        }
        assertThat(bob.eventsOf(Event.DisplayNameChanged.class)).isEmpty();
        assertThat(alice.get(1).eventsOf(Event.DisplayNameChanged.class)).isEmpty();
    }

    /** carol, connected to every node, deletes her account: once her connections are closed, every node is past the changes before. */
    private void everyNodeAppliedTheChangesSoFar(List<DuetServer> nodes) throws InterruptedException {
        TestClient asking = cluster.signup(nodes.get(0).uri(), "carol");
        List<TestClient> carol = loginOnEach(nodes, "carol");
        asking.ok(new Request.AccountDelete(asking.nextId(), ClusterNodes.password("carol")));
        for (TestClient connection : carol) {
            assertThat(connection.awaitClose()).isEqualTo(Protocol.CLOSE_ACCOUNT_CLOSED);
        }
    }

    /** bob makes {@link #PROBE} and dave joins it; dave's connections, one on each node. */
    private List<TestClient> probeWithDave(List<DuetServer> nodes, TestClient bob) throws InterruptedException {
        bob.ok(new Request.ChannelCreate(bob.nextId(), PROBE));
        cluster.signup(nodes.get(0).uri(), "dave").joinInvitedBy(bob, PROBE);
        bob.awaitEvent(Event.Presence.class, e -> e.state() == PresenceState.JOINED);
        return loginOnEach(nodes, "dave");
    }

    /** A ring from {@code caller}'s node to {@code callee}, cancelled; returns what the callee was told. */
    private static Event.CallIncoming ringAndCancel(TestClient caller, TestClient callee, String channel) {
        String callId = caller.<Result.CallRing>ok(new Request.CallRing(caller.nextId(), channel, Media.AUDIO)).callId();
        Event.CallIncoming incoming = callee.awaitEvent(Event.CallIncoming.class, e -> e.callId().equals(callId));
        caller.ok(new Request.CallCancel(caller.nextId(), callId));
        callee.awaitEvent(Event.CallCancelled.class, e -> e.callId().equals(callId));
        return incoming;
    }

    private List<TestClient> loginOnEach(List<DuetServer> nodes, String username) throws InterruptedException {
        List<TestClient> connections = new ArrayList<>();
        for (DuetServer node : nodes) {
            connections.add(login(node, username));
        }
        return connections;
    }

    private TestClient login(DuetServer node, String username) throws InterruptedException {
        return cluster.login(node.uri(), username);
    }
}
