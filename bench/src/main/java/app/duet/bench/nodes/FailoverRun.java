package app.duet.bench.nodes;

import app.duet.bench.duet.DuetServerOptions;
import app.duet.client.signaling.ChannelAccessClient;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kills: two users in one call through the balancer; each round SIGKILLs the node holding the most of their
 * connections, times each of its clients from the kill to its resumed sign-in with the call given back, then
 * starts the node again and waits until the balancer's checks see it up.
 */
final class FailoverRun {
    /** One client of a killed node: how long until it was signed in again, and whether its call came back. */
    record Sample(int kill, String user, String node, double seconds, boolean callBack) {
    }

    private static final Logger log = LoggerFactory.getLogger(FailoverRun.class);
    /** Far beyond the default backoff's first steps; a client not back by then is reported, and the run stops. */
    private static final Duration BACK_LIMIT = Duration.ofSeconds(60);
    private static final Duration NODE_UP_LIMIT = Duration.ofSeconds(120);
    private static final String PASSWORD = "bench-password-123";

    private final List<BalancedNode> nodes;
    private final BalancerSocket balancer;
    private final URI balancerUri;
    private final DuetServerOptions server;
    private final List<String> problems = new ArrayList<>();

    FailoverRun(List<BalancedNode> nodes, BalancerSocket balancer, URI balancerUri, DuetServerOptions server) {
        this.nodes = List.copyOf(nodes);
        this.balancer = balancer;
        this.balancerUri = balancerUri;
        this.server = server;
    }

    /** What went wrong, if the run stopped early. */
    List<String> problems() {
        return problems;
    }

    List<Sample> run(int kills) throws Exception {
        for (BalancedNode node : nodes) {
            node.start(server);
        }
        List<Sample> samples = new ArrayList<>();
        try (FailoverUser ann = new FailoverUser("ann", balancerUri); FailoverUser bob = new FailoverUser("bob", balancerUri)) {
            awaitNodesUp();
            String callId = callOnOneNode(ann, bob);
            for (int kill = 1; kill <= kills; kill++) {
                List<Sample> round = killOne(kill, List.of(ann, bob), callId);
                samples.addAll(round);
                if (round.isEmpty()) {
                    break;
                }
            }
        } finally {
            for (BalancedNode node : nodes) {
                node.stop();
            }
        }
        return samples;
    }

    /**
     * The call the kills must keep, set up with both users on the first node (the others drained meanwhile): the
     * first kill then takes both, as every later one does once they share the surviving node.
     */
    private String callOnOneNode(FailoverUser ann, FailoverUser bob) throws Exception {
        List<BalancedNode> others = nodes.subList(1, nodes.size());
        for (BalancedNode node : others) {
            balancer.drain(node.name(), true);
        }
        try {
            return call(ann, bob);
        } finally {
            for (BalancedNode node : others) {
                balancer.drain(node.name(), false);
            }
        }
    }

    /** Ann and Bob sign up, meet in a channel by invite, Ann rings and Bob accepts. */
    private static String call(FailoverUser ann, FailoverUser bob) throws Exception {
        ann.client.signup("failover-ann", "Ann", "ann@bench.invalid", PASSWORD, false).get(30, TimeUnit.SECONDS);
        bob.client.signup("failover-bob", "Bob", "bob@bench.invalid", PASSWORD, false).get(30, TimeUnit.SECONDS);
        ann.client.createChannel("failover").get(30, TimeUnit.SECONDS);
        String invite = new ChannelAccessClient(ann.client).createInvite("failover", null, null)
                .get(30, TimeUnit.SECONDS).token();
        bob.client.joinChannel("failover", invite).get(30, TimeUnit.SECONDS);
        String callId = ann.client.ring("failover", Media.AUDIO, null).get(30, TimeUnit.SECONDS).callId();
        Event.CallIncoming ring = bob.ring().get(30, TimeUnit.SECONDS);
        bob.client.accept(ring.callId()).get(30, TimeUnit.SECONDS);
        return callId;
    }

    private List<Sample> killOne(int kill, List<FailoverUser> users, String callId) throws Exception {
        BalancedNode victim = nodes.stream().max(Comparator.comparingLong(FailoverRun::connectionsOf)).orElseThrow();
        long onVictim = victim.connections();
        long killedAt = System.nanoTime();
        victim.kill();
        boolean back = awaitUntil(BACK_LIMIT, () -> users.stream().allMatch(FailoverUser::connected)
                && users.stream().filter(u -> u.resumedAfter(killedAt).isPresent()).count() >= onVictim);
        if (!back) {
            problems.add("kill " + kill + " (" + victim.name() + "): its " + onVictim + " client(s) were not all signed"
                    + " in again within " + BACK_LIMIT.toSeconds() + " s; the run stopped there");
            return List.of();
        }
        List<Sample> round = new ArrayList<>();
        for (FailoverUser user : users) {
            Optional<FailoverUser.Resume> resume = user.resumedAfter(killedAt);
            resume.ifPresent(r -> round.add(new Sample(kill, user.name, victim.name(), (r.at() - killedAt) / 1e9,
                    r.callId().filter(callId::equals).isPresent())));
        }
        log.info("kill {} of {}: {}", kill, victim.name(), round);
        victim.start(server);
        if (!awaitUntil(NODE_UP_LIMIT, () -> balancerSeesUp(victim))) {
            problems.add("kill " + kill + ": the balancer did not see " + victim.name() + " up again within "
                    + NODE_UP_LIMIT.toSeconds() + " s; the run stopped there");
            return List.of();
        }
        return round;
    }

    private void awaitNodesUp() throws InterruptedException {
        for (BalancedNode node : nodes) {
            if (!awaitUntil(NODE_UP_LIMIT, () -> balancerSeesUp(node))) {
                throw new IllegalStateException("the balancer does not see " + node.name() + " up");
            }
        }
    }

    private boolean balancerSeesUp(BalancedNode node) {
        try {
            return balancer.up(node.name());
        } catch (IOException e) {
            return false;
        }
    }

    private static long connectionsOf(BalancedNode node) {
        try {
            return node.connections();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Polls {@code condition} every 20 ms; the times measured come from the listeners, not from this loop. */
    private static boolean awaitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }
}
