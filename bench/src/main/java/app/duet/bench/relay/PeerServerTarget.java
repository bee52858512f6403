package app.duet.bench.relay;

import app.duet.bench.ws.WsConnection;

import app.duet.bench.ws.DriverSockets;
import app.duet.bench.os.ServerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PeerServer (npm package {@code peer}), the signaling server PeerJS apps use, run with Node on
 * loopback from a folder the bench script installs it into. Its wire protocol: a client connects to
 * {@code /peerjs?key=&id=&token=}, gets {"type":"OPEN"}, sends {"type","dst","payload"} and the
 * destination receives the same object with "src" added; {"type":"HEARTBEAT"} keeps it alive.
 */
final class PeerServerTarget implements RelayTarget {
    private static final Logger log = LoggerFactory.getLogger(PeerServerTarget.class);
    /** PeerServer drops a client after 90 s without a heartbeat; the PeerJS client sends one every 5 s. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private final Path installDir;
    private final Path workDir;
    private final LongAdder errors = new LongAdder();
    private final PairSetup.Failures failedPairs = new PairSetup.Failures();
    private ServerProcess server;

    PeerServerTarget(Path installDir, Path workDir) {
        this.installDir = installDir;
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return "PeerServer " + version();
    }

    @Override
    public String setup() {
        return "PeerServer " + version() + " (npm package `peer`) on Node " + nodeVersion()
                + ", started by bench/src/main/node/peerserver.mjs on 127.0.0.1 with concurrent_limit raised"
                + " above the socket count (default 5000); clients send a HEARTBEAT every "
                + HEARTBEAT.toSeconds() + " s (its own client sends one every 5 s).";
    }

    @Override
    public void start() throws Exception {
        int port = ServerProcess.freePort();
        Files.createDirectories(workDir);
        server = ServerProcess.start(name(), List.of("node", "peerserver.mjs", Integer.toString(port)),
                installDir, port, workDir.resolve("peerserver.log"));
        log.info("{} listening on 127.0.0.1:{} (pid {})", name(), port, server.pid());
    }

    @Override
    public ServerProcess server() {
        return server;
    }

    @Override
    public List<RelayPair> connect(DriverSockets sockets, int firstIndex, int count, long deadline)
            throws Exception {
        List<CompletableFuture<RelayPair>> pending = new ArrayList<>(count);
        for (int i = firstIndex; i < firstIndex + count && System.nanoTime() < deadline; i++) {
            int index = i;
            String callerId = "bench" + index + "a";
            String calleeId = "bench" + index + "b";
            CompletableFuture<WsConnection> caller = openPeer(sockets, callerId);
            CompletableFuture<WsConnection> callee = openPeer(sockets, calleeId);
            pending.add(caller.thenCombine(callee, (a, b) -> new RelayPair(index, a, b, callerId, calleeId, "")));
        }
        return PairSetup.collect(pending, failedPairs, Duration.ofSeconds(120));
    }

    private CompletableFuture<WsConnection> openPeer(DriverSockets sockets, String id) throws InterruptedException {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/peerjs?key=peerjs&id=" + id + "&token=t" + id);
        return sockets.open(uri, text -> {
            if (text.contains("\"OPEN\"")) {
                opened.complete(null);
            } else {
                opened.completeExceptionally(new IllegalStateException("PeerServer refused " + id + ": " + text));
            }
        }).thenCompose(connection -> opened.thenApply(v -> connection));
    }

    @Override
    public String sdpMessage(RelayPair pair, boolean fromCaller, String stamp) {
        String kind = fromCaller ? "offer" : "answer";
        return "{\"type\":\"" + kind.toUpperCase() + "\",\"dst\":\"" + (fromCaller ? pair.calleeId() : pair.callerId())
                + "\",\"payload\":{\"sdp\":{\"type\":\"" + kind + "\",\"sdp\":\"" + SignalingPayloads.sdpJson(stamp)
                + "\"},\"type\":\"media\",\"connectionId\":\"mc_bench" + pair.index() + "\"}}";
    }

    @Override
    public String candidateMessage(RelayPair pair, boolean fromCaller, String stamp) {
        return "{\"type\":\"CANDIDATE\",\"dst\":\"" + (fromCaller ? pair.calleeId() : pair.callerId())
                + "\",\"payload\":{\"candidate\":{\"candidate\":\"" + SignalingPayloads.candidateJson(stamp)
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0},\"type\":\"media\",\"connectionId\":\"mc_bench"
                + pair.index() + "\"}}";
    }

    @Override
    public String setupNote() {
        return failedPairs.describe();
    }

    @Override
    public String keepAliveMessage() {
        return "{\"type\":\"HEARTBEAT\"}";
    }

    @Override
    public Duration keepAlivePeriod() {
        return HEARTBEAT;
    }

    @Override
    public boolean onUnstamped(String text) {
        errors.increment();
        if (errors.sum() <= 5) {
            log.warn("PeerServer sent an unexpected message: {}", abbreviate(text));
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private String version() {
        try {
            String json = Files.readString(installDir.resolve("node_modules/peer/package.json"));
            return com.google.gson.JsonParser.parseString(json).getAsJsonObject().get("version").getAsString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("PeerServer is not installed in " + installDir, e);
        }
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).trim();
            node.waitFor(10, TimeUnit.SECONDS);
            return version;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("node is not on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
