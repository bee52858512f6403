package app.duet.server;

import app.duet.protocol.Request;
import app.duet.server.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Several nodes of one deployment, for tests: a {@link PrivateRedis}, one SQLite file they share, nodes as
 * servers in this JVM (each its own node id, threads and Redis connections) or as {@link ServerProcess}es
 * (for a node that must die by SIGKILL), and WebSocket clients; {@link #close()} stops them all, newest
 * first, Redis last.
 */
final class ClusterNodes implements AutoCloseable {
    /** The channel {@link #duo} puts its two users in. */
    static final String CHANNEL = "duo";

    /** Two users in one channel, its owner and the guest the owner invited, connected where the test said. */
    record Duo(TestClient owner, TestClient guest) {
    }

    private final Path dir;
    private final PrivateRedis redis;
    private final List<AutoCloseable> open = new ArrayList<>();

    private ClusterNodes(Path dir, PrivateRedis redis) {
        this.dir = dir;
        this.redis = redis;
    }

    /** On a Redis without persistence: a restart empties it. */
    static ClusterNodes start(Path dir) throws Exception {
        return new ClusterNodes(dir, PrivateRedis.start(dir.resolve("redis")));
    }

    /** On a Redis with an append-only file: a restart keeps what it held. */
    static ClusterNodes startAppendOnly(Path dir) throws Exception {
        return new ClusterNodes(dir, PrivateRedis.startAppendOnly(dir.resolve("redis")));
    }

    PrivateRedis redis() {
        return redis;
    }

    /** A node in this JVM. */
    DuetServer node(String id) throws Exception {
        return node(id, UnaryOperator.identity());
    }

    /** A node in this JVM, with {@code settings} applied to the test configuration. */
    DuetServer node(String id, UnaryOperator<ServerConfig.Builder> settings) throws Exception {
        DuetServer node = DuetServer.start(settings.apply(TestServers.config(dir.resolve("node-" + id))
                .databaseFile(database()).redisUrl(redis.url()).nodeId(id).opsPort(-1)).build());
        open.add(node);
        return node;
    }

    /** A node as a process of its own, logging to node-{id}.log; {@code extraArgs} are more server options. */
    ServerProcess processNode(String id, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--db-file", database().toString(), "--redis-url", redis.url(),
                "--node-id", id));
        args.addAll(List.of(extraArgs));
        ServerProcess node = ServerProcess.start(dir.resolve("node-" + id), dir.resolve("node-" + id + ".log"),
                args.toArray(String[]::new));
        open.add(node);
        return node;
    }

    TestClient hello(URI node) throws InterruptedException {
        TestClient client = TestClient.connect(node);
        open.add(client);
        client.ok(new Request.Hello(client.nextId(), 1, "cluster-test"));
        return client;
    }

    TestClient signup(URI node, String username) throws InterruptedException {
        TestClient client = hello(node);
        client.ok(new Request.Signup(client.nextId(), username, username.toUpperCase(), username + "@example.org",
                password(username)));
        return client;
    }

    TestClient login(URI node, String username) throws InterruptedException {
        TestClient client = hello(node);
        client.ok(new Request.Login(client.nextId(), username, password(username)));
        return client;
    }

    /** alice signs up on {@code aliceNode} and makes {@link #CHANNEL}; bob signs up on {@code bobNode} and joins it. */
    Duo duo(URI aliceNode, URI bobNode) throws InterruptedException {
        return duo("alice", aliceNode, "bob", bobNode, CHANNEL);
    }

    /** {@code owner} signs up and makes {@code channel}; {@code guest} signs up and joins it with an invite. */
    Duo duo(String owner, URI ownerNode, String guest, URI guestNode, String channel) throws InterruptedException {
        TestClient first = signup(ownerNode, owner);
        TestClient second = signup(guestNode, guest);
        first.ok(new Request.ChannelCreate(first.nextId(), channel));
        second.joinInvitedBy(first, channel);
        return new Duo(first, second);
    }

    static String password(String username) {
        return "password-of-" + username;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        redis.close();
    }

    /** The SQLite file the nodes share (for admin commands run against it). */
    Path database() {
        return dir.resolve("shared.db");
    }
}
