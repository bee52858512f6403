package app.duet.server.testing;

import static org.awaitility.Awaitility.await;

import app.duet.server.PrivateHaproxy;
import app.duet.server.PrivateRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Several nodes as an admin deploys them (docs/admin-guide.md, "Several nodes"): two real server processes
 * ({@code node1}, {@code node2}) sharing one private Redis ({@code --redis-url}; with its append-only file, as the
 * guide asks, so a restarted Redis still holds the calls) and one new database on a
 * private PostgreSQL (through a config file, as the password may not be on the command line), behind a private
 * HAProxy running the shipped {@code duet-haproxy.cfg}, which names two nodes. Clients connect to
 * {@link #uri()} (wss://, TLS ends at the balancer, trust it with {@link #trust()}). Any part that cannot start
 * makes {@link #start} throw with its log: a multi-node test fails, it is never skipped.
 *
 * <p>A test can kill, stop and start nodes, restart Redis and stop and start PostgreSQL (the run's shared one:
 * {@link #heal} starts it again, so the next test finds it up); {@link #awaitBalancerSees} waits until the
 * balancer's health check agrees, so the next connection goes where the test expects.
 */
public final class ServerCluster implements AutoCloseable {
    /** Down takes 2 failed checks 2 s apart, up 3 good ones (the file's {@code inter 2s fall 2 rise 3}). */
    public static final Duration BALANCER_CHECKS = Duration.ofSeconds(30);
    private static final int FIXED_PORTS_FROM = 20_000;
    private static final int FIXED_PORTS_TO = 32_768;

    private final PrivateRedis redis;
    private final PrivatePostgres postgres;
    private final String database;
    private final List<ClusterNode> nodes;
    private PrivateHaproxy haproxy;
    private boolean postgresStopped;

    private ServerCluster(PrivateRedis redis, PrivatePostgres postgres, String database, List<ClusterNode> nodes) {
        this.redis = redis;
        this.postgres = postgres;
        this.database = database;
        this.nodes = nodes;
    }

    /**
     * Starts Redis, a new database on {@code postgres}, both nodes (at once; Flyway's lock on the database
     * makes one of them migrate it) with {@code serverArgs} added to each, and the balancer; returns when the
     * balancer's checks see both nodes up. Everything goes under {@code dir}.
     */
    public static ServerCluster start(Path dir, PrivatePostgres postgres, String... serverArgs) throws Exception {
        Files.createDirectories(dir);
        PrivateRedis redis = PrivateRedis.startAppendOnly(dir.resolve("redis"));
        String database = postgres.createDatabase();
        Path config = dir.resolve("node.conf");
        Files.writeString(config, "db-url=" + postgres.url(database) + "\ndb-user=" + PrivatePostgres.USER
                + "\ndb-password=" + PrivatePostgres.PASSWORD + "\n");
        List<ClusterNode> nodes = new ArrayList<>();
        for (String name : List.of("node1", "node2")) {
            List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--redis-url", redis.url(),
                    "--node-id", name));
            args.addAll(List.of(serverArgs));
            nodes.add(new ClusterNode(name, new PrivateHaproxy.Node(freePort(), freePort()), dir, args));
        }
        ServerCluster cluster = new ServerCluster(redis, postgres, database, nodes);
        try {
            cluster.startNodes();
            cluster.haproxy = PrivateHaproxy.start(dir.resolve("haproxy"), nodes.get(0).ports(), nodes.get(1).ports());
            for (ClusterNode node : nodes) {
                cluster.awaitBalancerSees(node, PrivateHaproxy.State.UP);
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** wss:// through the balancer: where clients connect. */
    public URI uri() {
        return haproxy.uri();
    }

    /** Trusts the balancer's certificate (made for this run) and nothing else. */
    public SSLContext trust() {
        return haproxy.trust();
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    public ClusterNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The node other than {@code node}. */
    public ClusterNode other(ClusterNode node) {
        return nodes.stream().filter(n -> n != node).findFirst().orElseThrow();
    }

    public PrivateRedis redis() {
        return redis;
    }

    public PrivateHaproxy balancer() {
        return haproxy;
    }

    /**
     * Stops the PostgreSQL server under the running nodes ({@code pg_ctl stop -m fast}: it ends their
     * connections, as a crash or an admin's restart does). {@link #startPostgres} or {@link #heal} starts it
     * again on the same port and data.
     */
    public void stopPostgres() {
        postgresStopped = true;
        postgres.stop();
    }

    /** Starts the PostgreSQL server that {@link #stopPostgres} stopped; returns when it takes connections. */
    public void startPostgres() {
        postgres.startAgain();
        postgresStopped = false;
    }

    /** Waits until the balancer's health check says {@code state} of {@code node} in its main backend. */
    public void awaitBalancerSees(ClusterNode node, PrivateHaproxy.State state) {
        awaitBalancerSees(PrivateHaproxy.BACKEND, node, state);
    }

    /** Waits until the balancer's health check says {@code state} of {@code node} in {@code backend}. */
    public void awaitBalancerSees(String backend, ClusterNode node, PrivateHaproxy.State state) {
        await(node.name() + " " + state + " in haproxy's health checks of " + backend).atMost(BALANCER_CHECKS)
                .pollInterval(Duration.ofMillis(200)).until(() -> haproxy.state(backend, node.name()) == state);
    }

    /**
     * Starts PostgreSQL if a test stopped it and every node that is not running, and waits until the balancer
     * sends clients to all of them again: what a test calls to leave the cluster whole for the next one.
     */
    public void heal() throws IOException {
        if (postgresStopped) {
            startPostgres();
        }
        for (ClusterNode node : nodes) {
            if (!node.isRunning()) {
                node.start();
            }
        }
        for (ClusterNode node : nodes) {
            awaitBalancerSees(node, PrivateHaproxy.State.UP);
        }
    }

    private void startNodes() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ClusterNode node : nodes) {
                started.add(starting.submit(() -> {
                    node.start();
                    return null;
                }));
            }
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            starting.shutdownNow();
            starting.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    @Override
    public void close() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        for (ClusterNode node : nodes) {
            if (node.isRunning()) {
                node.stop();
            }
        }
        redis.close();
        if (postgresStopped) {
            startPostgres(); // the run's other clusters share it
        }
        postgres.dropDatabase(database);
    }

    /**
     * A port free now and below Linux's ephemeral range (32768 and up): a node's port is chosen before it starts and
     * again after a restart, and a port the kernel hands out for outgoing connections (the other node's to Redis
     * and PostgreSQL) could be taken in between; it was, once.
     */
    private static int freePort() {
        return ThreadLocalRandom.current().ints(100, FIXED_PORTS_FROM, FIXED_PORTS_TO).filter(ServerCluster::bindable)
                .findFirst().orElseThrow(() -> new IllegalStateException("no free port between " + FIXED_PORTS_FROM
                        + " and " + FIXED_PORTS_TO));
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
