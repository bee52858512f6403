package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.call.ClusterUser.Placed;
import app.duet.client.call.ClusterUser.Resumed;
import app.duet.client.call.model.CallState;
import app.duet.client.signaling.SignalingException;
import app.duet.client.testing.Invites;
import app.duet.client.testing.MultiNodeCluster;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Media;
import app.duet.server.PrivateHaproxy;
import app.duet.server.ServerProcess;
import app.duet.server.testing.ClusterNode;
import app.duet.server.testing.ServerCluster;

/**
 * Calls as users of a multi-node deployment have them: the app's signaling client and call engine (real
 * libwebrtc peers, synthetic video and a tone) through the shipped HAProxy configuration to two real server
 * processes on one Redis and one PostgreSQL ({@link MultiNodeCluster}, one start for the class). Users on
 * different nodes meet, call and hang up; the node of one member is SIGKILLed, stopped and started in turn
 * (a rolling restart), Redis is restarted, and the call goes on each time. How long video stopped and how long
 * a client took to be back in its call are logged (the figures belong to the bench: docs/benchmarks.md), not
 * asserted.
 */
@Tag(MultiNodeCluster.TAG)
class MultiNodeCallTest {

    private static final Logger log = LoggerFactory.getLogger(MultiNodeCallTest.class);
    private static final Duration WAIT = Waits.CALL;
    /** How long a node's client may take to come back: backoff, balancer retries, a new socket, the resume. */
    private static final Duration BACK = Waits.RECONNECT;
    /** Lettuce's reconnect backoff tops out at 30 s, then the nodes' health checks must pass again. */
    private static final Duration REDIS_BACK = Duration.ofSeconds(60);
    /**
     * A sign-in while PostgreSQL is down is answered within about 2 s (docs/protocol.md, section 2: the pool's
     * wait for a connection); the rest is a new connection and the loaded machine. A hang would run into the
     * client's 10 s request timeout instead.
     */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(6);

    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();
    @RegisterExtension
    static final MultiNodeCluster CLUSTER = new MultiNodeCluster();

    @TempDir
    Path temp;

    private ServerCluster cluster;
    private EngineRig rig;

    /** A call in progress between Ann and Bob and the nodes they signed up on. */
    private record Call(ClusterUser ann, ClusterNode annNode, ClusterUser bob, ClusterNode bobNode, String callId) {
        List<ClusterUser> both() {
            return List.of(ann, bob);
        }
    }

    @BeforeEach
    void freshClients() {
        cluster = CLUSTER.get();
        rig = new EngineRig(MEDIA.get(), temp);
        await("no connection left from an earlier test").atMost(WAIT)
                .until(() -> cluster.nodes().stream().allMatch(n -> n.connections() == 0));
    }

    @AfterEach
    void closeAndHeal() throws Exception {
        rig.close();
        cluster.heal();
    }

    /** What works whatever the nodes share: TLS at the balancer, sign-up, a channel, a call, media, hang-up. */
    @Test
    void two_users_call_through_the_balancer_on_one_node() throws Exception {
        PrivateHaproxy balancer = cluster.balancer();
        balancer.command("set server duet_nodes/node2 state drain"); // every new connection to node1
        try {
            Call call = meetAndCall();
            assertThat(call.bobNode()).as("node2 drained").isEqualTo(call.annNode());
            hangUp(call.bob(), call.ann());
        } finally {
            balancer.command("set server duet_nodes/node2 state ready");
        }
    }

    @Test
    void users_on_different_nodes_meet_call_with_media_both_ways_and_hang_up() {
        Call call = meetAndCall();
        assertThat(call.bobNode()).as("leastconn sends the second user to the other node").isNotEqualTo(call.annNode());
        hangUp(call.ann(), call.bob());
    }

    @Test
    void the_user_of_a_sigkilled_node_is_back_in_the_call_through_the_other_node() throws Exception {
        Call call = meetAndCall();
        ClusterNode survivor = cluster.other(call.annNode());
        try (FrameGapWatch annSees = new FrameGapWatch(call.ann().engine.controls().remoteVideo());
             FrameGapWatch bobSees = new FrameGapWatch(call.bob().engine.controls().remoteVideo())) {
            long killedAt = System.nanoTime();
            assertThat(call.annNode().kill()).isEqualTo(ServerProcess.KILLED_BY_SIGKILL);

            Resumed back = await("Ann resumed through " + survivor.name()).atMost(BACK)
                    .until(() -> call.ann().resumedAfter(killedAt), r -> r.isPresent()).orElseThrow();
            assertThat(back.callId()).as("the call she got back").contains(call.callId());
            await().atMost(WAIT).until(() -> survivor.connections() == 2);
            awaitMediaBothWays(call);
            log.info("multi-node: SIGKILL of {}: Ann back in her call after {} ms; longest video gap {} ms at Ann, {} ms"
                    + " at Bob", call.annNode().name(), (back.at() - killedAt) / 1_000_000,
                    annSees.longestGap().toMillis(), bobSees.longestGap().toMillis());
        }
        assertNoEnd(call);
        // Negotiation still goes through: an ICE restart by the caller, answered.
        call.ann().engine.controls().restartIce();
        awaitMediaBothWays(call);
        hangUp(call.bob(), call.ann());
    }

    @Test
    void a_rolling_restart_of_every_node_drops_no_call() throws Exception {
        Call call = meetAndCall();
        try (FrameGapWatch annSees = new FrameGapWatch(call.ann().engine.controls().remoteVideo());
             FrameGapWatch bobSees = new FrameGapWatch(call.bob().engine.controls().remoteVideo())) {
            for (ClusterNode node : cluster.nodes()) {
                long stoppedAt = System.nanoTime();
                node.stop();
                ClusterNode other = cluster.other(node);
                await("both clients on " + other.name() + " while " + node.name() + " restarts").atMost(BACK)
                        .until(() -> other.connections() == 2 && call.ann().connected() && call.bob().connected());
                log.info("multi-node: rolling restart, {} stopped: both clients signed in on {} after {} ms",
                        node.name(), other.name(), (System.nanoTime() - stoppedAt) / 1_000_000);
                assertNoEnd(call);
                node.start();
                cluster.awaitBalancerSees(node, PrivateHaproxy.State.UP);
            }
            awaitMediaBothWays(call);
            log.info("multi-node: rolling restart: longest video gap {} ms at Ann, {} ms at Bob",
                    annSees.longestGap().toMillis(), bobSees.longestGap().toMillis());
        }
        for (ClusterUser user : call.both()) {
            assertThat(user.resumes).as("%s's resumes", user.name).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.callId()).contains(call.callId()));
        }
        hangUp(call.ann(), call.bob());
    }

    @Test
    void a_call_survives_a_redis_restart() throws Exception {
        Call call = meetAndCall();
        try (FrameGapWatch annSees = new FrameGapWatch(call.ann().engine.controls().remoteVideo())) {
            cluster.redis().restart();
            for (ClusterNode node : cluster.nodes()) {
                await(node.name() + " healthy with the restarted Redis").atMost(REDIS_BACK)
                        .pollInterval(Duration.ofMillis(500)).until(node::healthy);
            }
            // The restarted Redis is empty: each node writes its users' presence again (every 5 s).
            await("Ann and Bob online for each other again").atMost(REDIS_BACK).pollInterval(Duration.ofMillis(500))
                    .until(() -> seesOnline(call.ann(), call.bob()) && seesOnline(call.bob(), call.ann()));
            awaitMediaBothWays(call);
            log.info("multi-node: Redis restart: longest video gap {} ms at Ann", annSees.longestGap().toMillis());
        }
        assertNoEnd(call);
        // The hang-up crosses the nodes through the restarted Redis.
        hangUp(call.bob(), call.ann());
    }

    /**
     * PostgreSQL stopped under a call across the nodes: media goes on both ways, sign-ins on each node and
     * through the balancer are refused with the documented error at once, /healthz says why, the balancer keeps
     * sending new connections to the nodes (its second backend), and the call hangs up cleanly. Started again,
     * the nodes' pools reconnect by themselves: sign-ins work on both without a restart and a new call connects.
     */
    @Test
    void calls_go_on_while_postgresql_is_down_and_sign_ins_come_back_by_themselves() throws Exception {
        Call call = meetAndCall();
        assertThat(call.bobNode()).as("a call across the nodes").isNotEqualTo(call.annNode());
        try (FrameGapWatch annSees = new FrameGapWatch(call.ann().engine.controls().remoteVideo());
             FrameGapWatch bobSees = new FrameGapWatch(call.bob().engine.controls().remoteVideo())) {
            cluster.stopPostgres();

            for (ClusterNode node : cluster.nodes()) {
                await(node.name() + " reports its database unreachable").atMost(WAIT)
                        .until(node::health,
                                h -> h.status() == 503 && h.body().contains("\"database\":\"unreachable\""));
                assertThat(node.health().body()).as("only the database").contains("\"redis\":\"ok\"");
            }
            // Every node fails the main backend's check; the second one keeps them, so no client gets a 503.
            for (ClusterNode node : cluster.nodes()) {
                cluster.awaitBalancerSees(node, PrivateHaproxy.State.DOWN);
                assertThat(cluster.balancer().state(PrivateHaproxy.ALIVE_BACKEND, node.name()))
                        .as("%s in %s", node.name(), PrivateHaproxy.ALIVE_BACKEND).isEqualTo(PrivateHaproxy.State.UP);
            }
            for (ClusterNode node : cluster.nodes()) {
                assertStorageUnavailable(node.name(), () -> ClusterUser.logIn(rig, node.uri(), call.ann()));
            }
            assertStorageUnavailable("the balancer", () -> ClusterUser.trySignUp(rig, cluster.uri(), "cleo"));

            awaitMediaBothWays(call);
            assertNoEnd(call);
            log.info("multi-node: PostgreSQL down: longest video gap {} ms at Ann, {} ms at Bob",
                    annSees.longestGap().toMillis(), bobSees.longestGap().toMillis());
        }
        hangUp(call.ann(), call.bob());

        cluster.startPostgres();
        long startedAt = System.nanoTime(); // PostgreSQL takes connections again
        for (ClusterNode node : cluster.nodes()) {
            await("a sign-in on " + node.name() + " after PostgreSQL is back").atMost(WAIT)
                    .ignoreException(CompletionException.class)
                    .until(() -> ClusterUser.logIn(rig, node.uri(), call.bob()) != null);
            log.info("multi-node: PostgreSQL started again: sign-ins work on {} after {} ms", node.name(),
                    (System.nanoTime() - startedAt) / 1_000_000);
        }
        for (ClusterNode node : cluster.nodes()) {
            cluster.awaitBalancerSees(node, PrivateHaproxy.State.UP);
        }
        Call again = meetAndCall();
        hangUp(again.bob(), again.ann());
    }

    /** {@code signIn} fails with STORAGE_UNAVAILABLE and the documented sentence, within {@link #REFUSED_WITHIN}. */
    private static void assertStorageUnavailable(String where, Callable<?> signIn) {
        long sent = System.nanoTime();
        assertThatThrownBy(signIn::call).as("a sign-in on %s", where).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(SignalingException.ServerError.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
                    assertThat(e.getMessage())
                            .isEqualTo("The server cannot reach its database right now; try again in a moment.");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(took).as("refused on %s, not held", where).isLessThan(REFUSED_WITHIN);
        log.info("multi-node: PostgreSQL down: a sign-in on {} refused after {} ms", where, took.toMillis());
    }

    /**
     * Ann and then Bob sign up through the balancer, Ann makes a channel and invites Bob, rings with video,
     * Bob accepts with video, and both see and hear each other.
     */
    private Call meetAndCall() {
        Placed ann = ClusterUser.signUp(rig, cluster, "ann");
        Placed bob = ClusterUser.signUp(rig, cluster, "bob");
        String channel = "room-" + ann.user().name;
        ann.user().client.createChannel(channel).join();
        Invites.join(bob.user().client, ann.user().client, channel);
        String callId = ann.user().engine.ring(channel, true).join();
        await("the ring at Bob").atMost(WAIT).until(() -> !bob.user().events.incoming.isEmpty());
        bob.user().engine.accept(Media.VIDEO).join();
        Call call = new Call(ann.user(), ann.node(), bob.user(), bob.node(), callId);
        awaitMediaBothWays(call);
        return call;
    }

    /** Both pictures move on (15 new frames each) and both hear the other's tone. */
    private static void awaitMediaBothWays(Call call) {
        long annFrames = call.ann().engine.controls().remoteVideo().publishedFrames();
        long bobFrames = call.bob().engine.controls().remoteVideo().publishedFrames();
        await("video both ways").atMost(WAIT).until(() ->
                call.ann().engine.controls().remoteVideo().publishedFrames() > annFrames + 15
                        && call.bob().engine.controls().remoteVideo().publishedFrames() > bobFrames + 15);
        await("audio both ways").atMost(WAIT).until(() -> call.ann().engine.controls().remoteAudioLevel() > 0.05
                && call.bob().engine.controls().remoteAudioLevel() > 0.05);
    }

    private static boolean seesOnline(ClusterUser viewer, ClusterUser member) {
        return viewer.client.listChannels().join().channels().stream().flatMap(c -> c.members().stream())
                .anyMatch(m -> m.username().equals(member.name) && Boolean.TRUE.equals(m.online()));
    }

    private static void assertNoEnd(Call call) {
        for (ClusterUser user : call.both()) {
            assertThat(user.events.ends).as("%s's call ends", user.name).isEmpty();
            assertThat(user.engine.state()).as("%s's call", user.name).isEqualTo(CallState.CONNECTED);
        }
    }

    private static void hangUp(ClusterUser by, ClusterUser other) {
        by.engine.hangup().join();
        await(other.name + " hears the hang-up").atMost(WAIT)
                .until(() -> other.events.ends.contains(CallEnd.REMOTE_HANGUP));
        await().atMost(WAIT).until(() -> by.engine.state() == CallState.IDLE && other.engine.state() == CallState.IDLE);
        assertThat(by.events.ends).containsExactly(CallEnd.LOCAL_HANGUP);
    }
}
