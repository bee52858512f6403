package app.duet.bench.relay;

import app.duet.bench.duet.ChannelMembers;
import app.duet.bench.duet.DuetServer;
import app.duet.bench.duet.DuetSession;
import app.duet.bench.os.ProcSample;
import app.duet.bench.os.ServerProcess;
import app.duet.bench.ws.DriverSockets;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MessageType;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Duet's signaling server, run from its shaded jar as a separate JVM on loopback with a fresh SQLite
 * file; or two such nodes sharing a Redis and a PostgreSQL database ({@link #twoNodes}), each pair's caller on
 * the first and its callee on the second, so every relayed message crosses from one node to the other.
 * Each pair signs up two accounts, creates and joins a channel, rings and accepts a call, and
 * then relays offer/answer/candidate requests, which the server forwards to the other member (and
 * acknowledges with an ok, except candidates, which carry no id).
 */
final class DuetTarget implements RelayTarget {
    private static final Logger log = LoggerFactory.getLogger(DuetTarget.class);
    /** The per-connection flood limit (20 frames/s by default) is raised so that policy does not cap the total. */
    private static final int BENCH_RATE_LIMIT = 100_000;
    private static final String PASSWORD = "bench-password-123";
    /**
     * Pairs set up at once. Every signup, channel_create, channel_invite_create and channel_join is an SQLite
     * write; with many at once the server answers some with INTERNAL (SQLITE_BUSY), so the driver keeps the
     * queue short.
     */
    private static final int SETUP_CONCURRENCY = 16;
    private final Path serverJar;
    private final Path workDir;
    private final int bcryptCost;
    private final List<String> jvmOptions;
    /** Each node's own flags besides the bench's: one list for one server. */
    private final List<List<String>> nodeArgs;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final AtomicLong requestIds = new AtomicLong();
    private final LongAdder errors = new LongAdder();
    /** Set-up requests the server answered INTERNAL and the driver sent again. */
    private final LongAdder setupRetries = new LongAdder();
    private final PairSetup.Failures failedPairs = new PairSetup.Failures();
    private final List<ServerProcess> servers = new ArrayList<>();
    /** The Redis process the nodes share, when known; null for one server. */
    private final Long redisPid;

    private DuetTarget(Path serverJar, Path workDir, int bcryptCost, List<String> jvmOptions,
                       List<List<String>> nodeArgs, Long redisPid) {
        this.serverJar = serverJar;
        this.workDir = workDir;
        this.bcryptCost = bcryptCost;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.nodeArgs = List.copyOf(nodeArgs);
        this.redisPid = redisPid;
    }

    /** One server on its own SQLite file. */
    static DuetTarget oneServer(Path serverJar, Path workDir, int bcryptCost, List<String> jvmOptions) {
        return new DuetTarget(serverJar, workDir, bcryptCost, jvmOptions, List.of(List.of()), null);
    }

    /**
     * Two nodes ({@code --node-id a} and {@code b}) on the Redis at {@code redisUrl} and the PostgreSQL database
     * at {@code dbUrl}, whose password the nodes read from DUET_DB_PASSWORD (scripts/bench.sh sets it);
     * {@code redisPid} (may be null): that Redis's process, whose CPU is then measured too.
     */
    static DuetTarget twoNodes(Path serverJar, Path workDir, int bcryptCost, List<String> jvmOptions, String redisUrl,
                               String dbUrl, Long redisPid) {
        return new DuetTarget(serverJar, workDir, bcryptCost, jvmOptions, List.of("a", "b").stream()
                .map(node -> List.of("--redis-url", redisUrl, "--node-id", node, "--db-url", dbUrl)).toList(), redisPid);
    }

    @Override
    public String name() {
        return nodeArgs.size() == 1 ? "Duet" : "Duet, " + nodeArgs.size() + " nodes";
    }

    @Override
    public String setup() {
        String where = nodeArgs.size() == 1 ? "as its own process on 127.0.0.1 with a fresh SQLite file"
                : "as " + nodeArgs.size() + " node processes on 127.0.0.1 sharing one Redis and one fresh PostgreSQL"
                + " database (each pair's caller on the first node, its callee on the second, so every relayed"
                + " message crosses nodes through Redis; CPU and RSS are the nodes' sum, Redis's CPU is its own column)";
        return name() + " signaling server (" + serverJar.getFileName() + ", Java " + System.getProperty("java.version")
                + (jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions)) + ") " + where + "; bench accounts use bcrypt cost " + bcryptCost
                + " (lower than the production default) so set-up is quick; the per-connection flood limit is raised"
                + " to " + BENCH_RATE_LIMIT + " frames/s so it does not cap the total; offers and answers are"
                + " also answered with an `ok` to their sender, candidates (sent without id, as the desktop client"
                + " sends them) are not.";
    }

    @Override
    public void start() throws Exception {
        for (int i = 0; i < nodeArgs.size(); i++) {
            List<String> args = new ArrayList<>(List.of(
                    "--rate-limit", Integer.toString(BENCH_RATE_LIMIT), "--rate-burst", Integer.toString(BENCH_RATE_LIMIT)));
            args.addAll(nodeArgs.get(i));
            Path dir = nodeArgs.size() == 1 ? workDir : workDir.resolve("node-" + i);
            ServerProcess server = DuetServer.start(serverJar, dir, bcryptCost, jvmOptions, args);
            servers.add(server);
            log.info("{} listening on 127.0.0.1:{} (pid {})", name(), server.port(), server.pid());
        }
        checkTemplates();
    }

    @Override
    public ServerProcess server() {
        return servers.get(0);
    }

    @Override
    public ProcSample sample() {
        return ProcSample.sum(servers.stream().map(ServerProcess::sample).toList());
    }

    @Override
    public Optional<ProcSample> sharedServiceSample() {
        return Optional.ofNullable(redisPid).map(ProcSample::of);
    }

    @Override
    public boolean alive() {
        return servers.stream().allMatch(ServerProcess::isAlive);
    }

    @Override
    public List<RelayPair> connect(DriverSockets sockets, int firstIndex, int count, long deadline)
            throws Exception {
        List<CompletableFuture<RelayPair>> pending = new ArrayList<>(count);
        Semaphore inFlight = new Semaphore(SETUP_CONCURRENCY);
        for (int i = firstIndex; i < firstIndex + count && System.nanoTime() < deadline; i++) {
            inFlight.acquire();
            pending.add(pairUp(sockets, i).whenComplete((pair, error) -> inFlight.release()));
        }
        return PairSetup.collect(pending, failedPairs, Duration.ofSeconds(300));
    }

    /** Two accounts, one channel, one accepted call. */
    private CompletableFuture<RelayPair> pairUp(DriverSockets sockets, int index) throws InterruptedException {
        int callerPort = servers.get(0).port();
        int calleePort = servers.get(servers.size() - 1).port();
        return ChannelMembers.create(sockets, codec, callerPort, calleePort, "bench", index, PASSWORD, setupRetries)
                .thenCompose(members -> {
                    DuetSession caller = members.caller();
                    DuetSession callee = members.callee();
                    CompletableFuture<Event> incoming = callee.awaitEvent(MessageType.CALL_INCOMING);
                    CompletableFuture<Event> accepted = caller.awaitEvent(MessageType.CALL_ACCEPTED);
                    return caller.request(id -> new Request.CallRing(id, members.channel(), Media.VIDEO),
                                    Result.CallRing.class)
                            .thenCompose(ring -> incoming)
                            .thenCompose(event -> callee.request(
                                    id -> new Request.CallAccept(id, ((Event.CallIncoming) event).callId()),
                                    Result.Empty.class).thenApply(ok -> ((Event.CallIncoming) event).callId()))
                            .thenCompose(callId -> accepted.thenApply(a -> new RelayPair(index,
                                    caller.connection(), callee.connection(), members.callerName(),
                                    members.calleeName(), callId)));
                });
    }

    @Override
    public String sdpMessage(RelayPair pair, boolean fromCaller, String stamp) {
        return "{\"type\":\"" + (fromCaller ? "offer" : "answer") + "\",\"id\":\"" + requestIds.incrementAndGet()
                + "\",\"callId\":\"" + pair.callId() + "\",\"sdp\":\"" + SignalingPayloads.sdpJson(stamp) + "\"}";
    }

    /** Without an id, as the desktop client sends candidates: the server relays it and sends no ok. */
    @Override
    public String candidateMessage(RelayPair pair, boolean fromCaller, String stamp) {
        return "{\"type\":\"candidate\",\"callId\":\"" + pair.callId() + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"candidate\":\""
                + SignalingPayloads.candidateJson(stamp) + "\"}";
    }

    @Override
    public String setupNote() {
        long retried = setupRetries.sum();
        String retries = retried == 0 ? "" : retried + " set-up requests (signup, channel_create, "
                + "channel_invite_create, channel_join) were answered INTERNAL by the server and sent again (see the "
                + "server log)";
        return PairSetup.join(retries, failedPairs.describe());
    }

    @Override
    public String keepAliveMessage() {
        return null;
    }

    @Override
    public Duration keepAlivePeriod() {
        return Duration.ZERO;
    }

    @Override
    public boolean onUnstamped(String text) {
        if (text.startsWith("{\"type\":\"ok\"")) {
            return false;
        }
        errors.increment();
        if (errors.sum() <= 5) {
            log.warn("Duet server sent an unexpected message: {}", PeerServerTarget.abbreviate(text));
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess server : servers) {
            server.close();
        }
    }

    /** The hand-built hot-path frames must be valid requests of the shared protocol. */
    private void checkTemplates() throws ProtocolException {
        RelayPair sample = new RelayPair(0, null, null, "a", "b", "c-1");
        String stamp = LatencyStamp.format(0);
        codec.decodeRequest(sdpMessage(sample, true, stamp));
        codec.decodeRequest(sdpMessage(sample, false, stamp));
        codec.decodeRequest(candidateMessage(sample, true, stamp));
    }
}
