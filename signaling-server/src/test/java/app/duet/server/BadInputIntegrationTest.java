package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every kind of bad input gets its error code, and the connection and the server stay healthy. */
@ExtendWith(NoLeakedThreads.class)
class BadInputIntegrationTest {
    @TempDir
    static Path dataDir;
    static DuetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DuetServer.start(TestServers.config(dataDir).rateLimitPerSecond(5).rateLimitBurst(10).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void malformedJsonIsBadJsonAndTheConnectionStaysUsable() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"ping\",");
            assertError(c.awaitUnmatched(), ErrorCode.BAD_JSON, null);
            c.sendRaw("[1,2,3]");
            assertError(c.awaitUnmatched(), ErrorCode.BAD_JSON, null);
            assertStillWorks(c);
        }
    }

    @Test
    void unknownTypeIsUnknownTypeWithTheRequestId() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"teleport\",\"id\":\"x1\"}");
            assertError(c.awaitUnmatched(), ErrorCode.UNKNOWN_TYPE, "x1");
            c.sendRaw("{\"type\":\"call_incoming\",\"id\":\"x2\"}");
            assertError(c.awaitUnmatched(), ErrorCode.UNKNOWN_TYPE, "x2");
            assertStillWorks(c);
        }
    }

    @Test
    void missingAndInvalidFieldsAreInvalidField() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"login\",\"id\":\"x3\",\"username\":\"alice\"}");
            assertError(c.awaitUnmatched(), ErrorCode.INVALID_FIELD, "x3");
            c.sendRaw("{\"type\":\"signup\",\"id\":\"x4\",\"username\":\"NO SPACES\",\"displayName\":\"A\","
                    + "\"email\":\"a@b\",\"password\":\"long enough\"}");
            assertError(c.awaitUnmatched(), ErrorCode.INVALID_FIELD, "x4");
            assertStillWorks(c);
        }
    }

    @Test
    void oversizedFrameIsMessageTooLargeAndTheConnectionStaysOpen() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendRaw("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"" + "x".repeat(Protocol.MAX_FRAME_BYTES) + "\"}");
            assertError(c.awaitUnmatched(), ErrorCode.MESSAGE_TOO_LARGE, null);
            assertStillWorks(c);
        }
    }

    @Test
    void farTooLargeFrameClosesOnlyThatConnection() throws Exception {
        try (TestClient c = TestClient.hello(server); TestClient bystander = TestClient.hello(server)) {
            long before = closedWith(1009);
            // The server closes with 1009 as soon as it reads the frame's length.
            c.sendRaw("x".repeat(5 * Protocol.MAX_FRAME_BYTES));
            assertClosedWhileWriting(c, 1009, before);
            assertStillWorks(bystander);
        }
    }

    @Test
    void invalidUtf8ClosesWith1007AndLogsOneLineWithoutAStack() throws Exception {
        List<ILoggingEvent> logged = whileLogging(() -> {
            try (TestClient c = TestClient.hello(server); TestClient bystander = TestClient.hello(server)) {
                c.sendTextBytes(new byte[] {'{', (byte) 0xC3, 0x28, '}'});
                assertThat(c.awaitClose()).isEqualTo(1007);
                assertStillWorks(bystander);
            }
        });
        // Logged at INFO and above (the server's default); a client's mistake is one line at most.
        assertThat(logged).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(e -> {
                    assertThat(e.getThrowableProxy()).isNull();
                    assertThat(e.getLevel().isGreaterOrEqual(Level.WARN)).as("level %s", e.getLevel()).isFalse();
                });
    }

    @Test
    void binaryFramesCloseTheConnection() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.sendBinary(new byte[] {1, 2, 3});
            assertThat(c.awaitClose()).isEqualTo(1003);
        }
    }

    @Test
    void everythingBeforeHelloIsHelloRequired() throws Exception {
        try (TestClient c = TestClient.connect(server.uri())) {
            c.error(new Request.Ping(c.nextId()), ErrorCode.HELLO_REQUIRED);
            c.error(new Request.Login(c.nextId(), "alice", "whatever123"), ErrorCode.HELLO_REQUIRED);
            c.error(new Request.ChannelsList(c.nextId()), ErrorCode.HELLO_REQUIRED);
            Result.Hello hello = c.ok(new Request.Hello(c.nextId(), Protocol.PROTOCOL_VERSION, "test"));
            assertThat(hello.protocolVersion()).isEqualTo(Protocol.PROTOCOL_VERSION);
            assertThat(hello.serverVersion()).isEqualTo(DuetServer.VERSION);
            assertThat(hello.heartbeatSeconds()).isPositive();
            c.error(new Request.Hello(c.nextId(), Protocol.PROTOCOL_VERSION, "test"), ErrorCode.WRONG_STATE);
        }
    }

    @Test
    void wrongVersionIsUnsupportedVersionAndHelloCanBeRetried() throws Exception {
        try (TestClient c = TestClient.connect(server.uri())) {
            c.error(new Request.Hello(c.nextId(), 2, "from the future"), ErrorCode.UNSUPPORTED_VERSION);
            c.error(new Request.Ping(c.nextId()), ErrorCode.HELLO_REQUIRED);
            c.ok(new Request.Hello(c.nextId(), 1, "test"));
            assertStillWorks(c);
        }
    }

    @Test
    void requestsNeedingLoginAreNotAuthenticated() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            c.error(new Request.ChannelsList(c.nextId()), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.ChannelCreate(c.nextId(), "tea"), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.CallRing(c.nextId(), "tea", app.duet.protocol.Media.AUDIO), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.Offer(c.nextId(), "c-1", "v=0"), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.IceServers(c.nextId()), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.Logout(c.nextId()), ErrorCode.NOT_AUTHENTICATED);
            c.error(new Request.ChangePassword(c.nextId(), "old password", "new password"), ErrorCode.NOT_AUTHENTICATED);
            assertStillWorks(c);
        }
    }

    @Test
    void aFloodIsRateLimitedThenTheConnectionRecovers() throws Exception {
        try (TestClient c = TestClient.hello(server)) {
            for (int i = 0; i < 40; i++) {
                c.sendRaw("{\"type\":\"ping\",\"id\":\"f" + i + "\"}");
            }
            ServerMessage limited;
            do {
                limited = c.awaitUnmatched();
            } while (!(limited instanceof ErrorReply));
            assertError(limited, ErrorCode.RATE_LIMITED, ((ErrorReply) limited).id());
            assertThat(((ErrorReply) limited).id()).startsWith("f");
            // Tokens come back at 5 per second; the connection was not dropped.
            org.awaitility.Awaitility.await().atMost(TestClient.TIMEOUT).untilAsserted(() ->
                    assertThat(c.request(new Request.Ping(c.nextId()))).isInstanceOf(app.duet.protocol.Ok.class));
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aClientThatKeepsFloodingIsClosedWithPolicyViolationAndOneLogLine() throws Exception {
        List<ILoggingEvent> logged = whileLogging(() -> {
            try (TestClient c = TestClient.hello(server); TestClient bystander = TestClient.hello(server)) {
                long before = closedWith(1008);
                for (int i = 0; i < 400 && c.isOpen(); i++) {
                    c.sendRaw("{\"type\":\"ping\",\"id\":\"g" + i + "\"}");
                }
                assertClosedWhileWriting(c, 1008, before);
                assertStillWorks(bystander);
            }
        });
        // The frames still queued behind the close must not each log the same line again.
        assertThat(logged).filteredOn(e -> e.getFormattedMessage().contains("flooding")).hasSize(1);
    }

    @Test
    void aFloodOfGarbageIsCutOffToo() throws Exception {
        try (TestClient c = TestClient.hello(server); TestClient bystander = TestClient.hello(server)) {
            long before = closedWith(1008);
            for (int i = 0; i < 400 && c.isOpen(); i++) {
                c.sendRaw("not json " + i);
            }
            assertClosedWhileWriting(c, 1008, before);
            assertStillWorks(bystander);
        }
    }

    @Test
    void serverStaysHealthyAfterAllThat() throws Exception {
        assertThat(TestServers.ops(server, "/healthz").statusCode()).isEqualTo(200);
    }

    /**
     * A client still writing when the server closes may not read the close frame: the server's kernel
     * answers the unread bytes with a reset, and the client sees an abnormal close (1006). So the client
     * must see the code or 1006, and the server must have counted a close with the code.
     */
    private static void assertClosedWhileWriting(TestClient c, int code, long closedBefore) {
        assertThat(c.awaitClose()).isIn(code, 1006);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(closedWith(code)).isEqualTo(closedBefore + 1));
    }

    interface ServerWork {
        void run() throws Exception;
    }

    /** What the server logged (every level) while {@code work} ran. */
    private static List<ILoggingEvent> whileLogging(ServerWork work) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            work.run();
        } finally {
            root.detachAppender(captured);
        }
        return List.copyOf(captured.list);
    }

    private static long closedWith(int code) throws Exception {
        Matcher m = Pattern.compile("duet_connections_closed_total\\{code=\"" + code + "\"} (\\d+)")
                .matcher(TestServers.ops(server, "/metrics").body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void assertStillWorks(TestClient c) {
        c.ok(new Request.Ping(c.nextId()));
    }

    private static void assertError(ServerMessage message, ErrorCode code, String id) {
        assertThat(message).isInstanceOf(ErrorReply.class);
        ErrorReply error = (ErrorReply) message;
        assertThat(error.code()).as(error.message()).isEqualTo(code);
        assertThat(error.id()).isEqualTo(id);
        assertThat(error.message()).isNotBlank();
    }
}
