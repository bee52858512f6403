package app.duet.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.java_websocket.exceptions.InvalidDataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Arbitrary frames, in arbitrary connection states, into the real server (its WebSocket layer, frame handler,
 * dispatcher, services and SQLite store) through {@link InProcessClients}. After each input: nothing escaped
 * the server, nothing was logged as an error, every request with a readable id got exactly one reply (or the
 * connection was closed with a documented code), no relayed frame reached anyone outside its call, and a new
 * connection is still served. docs/testing.md, "Fuzzing".
 *
 * <p>Input: the first byte picks who sends (a new connection, one after hello, carol signed in, alice in her
 * call); the rest is frames separated by NUL bytes, in which "$CALL", "$ROOM", "$ALICE", "$BOB" and "$TOKEN"
 * become the {@link FuzzScene}'s names.
 */
class ServerFramesFuzzTest {
    private static final int MAX_FRAMES = 16;
    private static final long REPLY_MILLIS = 10_000;
    /** docs/protocol.md, section 1. */
    private static final Set<Integer> DOCUMENTED_CLOSE_CODES = Set.of(1000, 1001, 1003, 1007, 1008, 1009, 4001, 4002, 4029);

    @TempDir
    static Path dataDir;
    private static DuetServer server;
    private static InProcessClients clients;
    private static final Queue<Exception> escaped = new ConcurrentLinkedQueue<>();
    private static final Queue<String> errorsLogged = new ConcurrentLinkedQueue<>();
    private static final AppenderBase<ILoggingEvent> log = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errorsLogged.add(e.getFormattedMessage());
            }
        }
    };
    private static FuzzScene scene;
    private final ProtocolCodec codec = new ProtocolCodec();

    @BeforeAll
    static void start() throws IOException {
        // The in-process clients do not answer pings: a heartbeat of an hour keeps the scene's idle ones.
        server = DuetServer.start(ServerConfig.builder().dataDir(dataDir).port(0).opsPort(-1).bcryptCost(4)
                .workerThreads(2).rateLimitPerSecond(1e9).rateLimitBurst(Integer.MAX_VALUE).heartbeatSeconds(3600)
                .build());
        clients = new InProcessClients(server.endpoint(), (socket, e) -> {
            if (!(e instanceof InvalidDataException)) { // the client's mistake (bad UTF-8): closed, documented
                escaped.add(e);
            }
        });
        log.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        if (scene != null) {
            scene.close();
        }
        server.close();
    }

    @FuzzTest(maxDuration = "10s")
    void framesInAnyState(byte[] input) {
        if (input.length == 0) {
            return;
        }
        if (scene == null) {
            scene = new FuzzScene(clients);
        }
        InProcessClient sender = sender(input[0] & 3);
        int seenBefore = sender.received().size();
        Map<String, Integer> expected = new HashMap<>();
        for (byte[] frame : frames(input)) {
            if (!sender.isOpen()) {
                break;
            }
            expected.merge(Objects.toString(readableId(frame), ""), 1, Integer::sum);
            sender.sendBytes(frame);
        }
        expected.remove(""); // frames without a readable id get an error without id, or nothing (a candidate)
        boolean answered = sender.awaitAll(frames -> repliesById(frames.subList(seenBefore, frames.size()))
                .equals(expected), REPLY_MILLIS);
        scene.connections().forEach(InProcessClient::finishClosing);
        sender.finishClosing();

        List<JsonObject> replies = sender.received().subList(seenBefore, sender.received().size());
        if (sender.isOpen()) {
            assertThat(answered).as("every request answered exactly once: expected %s, got %s", expected, replies).isTrue();
        } else {
            assertThat(sender.closeCode()).as("the close code").isIn(DOCUMENTED_CLOSE_CODES);
        }
        assertThat(escaped).as("exceptions out of the server's handling").isEmpty();
        assertThat(errorsLogged).as("errors logged").isEmpty();
        assertThat(replies).as("replies").noneMatch(f -> "INTERNAL".equals(string(f, "code")));
        scene.connections().forEach(c -> assertThat(c.unreadable()).as("frames a client cannot read").isEmpty());
        assertNothingOutsideTheCall();
        assertANewConnectionIsServed();

        if (sender != scene.aliceConnection && sender != scene.carolConnection) {
            sender.drop();
        }
        assertThat(scene.eveConnected()).as("eve, who sends nothing, still connected").isTrue();
        scene.restore();
    }

    private InProcessClient sender(int state) {
        return switch (state) {
            case 0 -> clients.open();
            case 1 -> {
                InProcessClient c = clients.open();
                c.send("{\"type\":\"hello\",\"id\":\"h\",\"protocolVersion\":1,\"client\":\"fuzz\"}");
                yield c;
            }
            case 2 -> scene.carolConnection;
            default -> scene.aliceConnection;
        };
    }

    /** The frames after the first byte, split at NUL bytes, with the scene's names filled in. */
    private List<byte[]> frames(byte[] input) {
        List<byte[]> frames = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= input.length && frames.size() < MAX_FRAMES; i++) {
            if (i == input.length || input[i] == 0) {
                String raw = new String(input, start, i - start, StandardCharsets.ISO_8859_1);
                frames.add(scene.fillIn(raw).getBytes(StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return frames;
    }

    /** The id the server can answer to: none for a frame that is not UTF-8 (closed with 1007). */
    private String readableId(byte[] frame) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        try {
            return codec.decodeRequest(text).id();
        } catch (ProtocolException e) {
            return e.requestId();
        }
    }

    private static Map<String, Integer> repliesById(List<JsonObject> frames) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonObject f : frames) {
            String type = string(f, "type");
            String id = string(f, "id");
            if (id != null && ("ok".equals(type) || "error".equals(type))) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Eve hears only presence; relayed frames of alice and bob's call reach only them. */
    private void assertNothingOutsideTheCall() {
        assertThat(scene.eveConnection.received()).as("what eve received")
                .allMatch(f -> "presence".equals(string(f, "type")));
        assertThat(scene.carolConnection.received()).as("what carol received")
                .noneMatch(f -> scene.callId.equals(string(f, "callId")) && !f.has("id"));
        assertThat(scene.bobConnection.received()).as("relayed frames bob received")
                .filteredOn(f -> Set.of("offer", "answer", "candidate").contains(string(f, "type")))
                .allMatch(f -> scene.callId.equals(string(f, "callId")));
    }

    private static void assertANewConnectionIsServed() {
        InProcessClient fresh = clients.open();
        fresh.send("{\"type\":\"hello\",\"id\":\"fresh\",\"protocolVersion\":1,\"client\":\"fuzz\"}");
        assertThat(fresh.await(f -> "ok".equals(string(f, "type")), REPLY_MILLIS)).as("a new connection's hello").isNotNull();
        fresh.drop();
    }

    private static String string(JsonObject frame, String name) {
        JsonElement value = frame.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
