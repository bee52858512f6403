package app.duet.client.call;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.Waits;
import app.duet.protocol.Result;
import app.duet.server.testing.ClusterNode;
import app.duet.server.testing.ServerCluster;

/**
 * A person of a multi-node test: the app's signaling client through the balancer, a call engine, what the call
 * reported, and each time the client was signed in again by a resume (with the call it got back, if any).
 */
final class ClusterUser {

    /** A resumed sign-in: when (System.nanoTime()) and the call the server gave back, if any. */
    record Resumed(long at, Optional<String> callId) {
    }

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    final String name;
    final SignalingClient client;
    final CallEngine engine;
    final EngineListener events = new EngineListener();
    final List<Resumed> resumes = new CopyOnWriteArrayList<>();

    private ClusterUser(String name, SignalingClient client, EngineRig rig) {
        this.name = name;
        this.client = client;
        this.engine = rig.engine(client, events, name);
    }

    /**
     * Signs a new user up through the balancer (names are new in every test: the database is the cluster's)
     * and returns it with the node its connection landed on: the one whose count of connections went up.
     */
    static Placed signUp(EngineRig rig, ServerCluster cluster, String role) {
        List<Long> before = cluster.nodes().stream().map(ClusterNode::connections).toList();
        String name = role + NUMBERS.incrementAndGet();
        SignalingClient client = rig.client(cluster.uri());
        ClusterUser user = new ClusterUser(name, client, rig);
        client.addListener(new SignalingListener() {
            @Override
            public void onSignedIn(Result.Auth auth, boolean resumed) {
                if (resumed) {
                    user.resumes.add(new Resumed(System.nanoTime(),
                            Optional.ofNullable(auth.call()).map(call -> call.callId())));
                }
            }
        });
        client.signup(name, role, name + "@example.org", password(name), false).join();
        ClusterNode node = await(name + "'s connection on a node").atMost(Waits.SIGNALING)
                .until(() -> grown(cluster, before), Optional::isPresent).orElseThrow();
        return new Placed(user, node);
    }

    /**
     * {@code user} signs in once more, on a connection of its own to {@code server} (a node or the balancer)
     * that is closed after; the future's failure (a {@link java.util.concurrent.CompletionException}) is thrown.
     */
    static Result.Auth logIn(EngineRig rig, URI server, ClusterUser user) {
        try (SignalingClient other = rig.ownClient(server)) {
            return other.login(user.name, password(user.name), false).join();
        }
    }

    /** A new user signs up on a connection of its own to {@code server}, closed after; as {@link #logIn}. */
    static Result.Auth trySignUp(EngineRig rig, URI server, String role) {
        String name = role + NUMBERS.incrementAndGet();
        try (SignalingClient client = rig.ownClient(server)) {
            return client.signup(name, role, name + "@example.org", password(name), false).join();
        }
    }

    private static String password(String name) {
        return "password of " + name;
    }

    /** A user and the node it signed up on. */
    record Placed(ClusterUser user, ClusterNode node) {
    }

    /** The first resume after {@code since} (System.nanoTime()), if there was one. */
    Optional<Resumed> resumedAfter(long since) {
        return resumes.stream().filter(r -> r.at() > since).findFirst();
    }

    boolean connected() {
        return client.state() == ConnectionState.CONNECTED;
    }

    private static Optional<ClusterNode> grown(ServerCluster cluster, List<Long> before) {
        List<ClusterNode> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).connections() > before.get(i)) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.empty();
    }
}
