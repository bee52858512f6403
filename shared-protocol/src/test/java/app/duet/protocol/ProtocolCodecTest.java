package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProtocolCodecTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "[1,2]", "\"hello\"", "42", "null", "{\"type\":\"ping\",\"id\":\"1\"} {}",
            "{'type':'ping','id':'1'}", "{\"type\":\"ping\",\"id\":\"1\",}"})
    void rejectsAnythingButOneStrictJsonObject(String frame) {
        assertFails(() -> codec.decodeRequest(frame), ErrorCode.BAD_JSON);
    }

    @Test
    void rejectsDeepNestingAsBadJson() {
        String deep = "{\"type\":\"ping\",\"id\":\"1\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertFails(() -> codec.decodeRequest(deep), ErrorCode.BAD_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"1\"}", "{\"type\":7,\"id\":\"1\"}", "{\"type\":\"dance\",\"id\":\"1\"}",
            "{\"type\":\"call_incoming\",\"id\":\"1\"}", "{\"type\":\"ok\",\"id\":\"1\"}"})
    void rejectsMissingUnknownOrServerOnlyTypes(String frame) throws Exception {
        ProtocolException e = assertFails(() -> codec.decodeRequest(frame), ErrorCode.UNKNOWN_TYPE);
        assertThat(e.requestId()).isEqualTo("1");
    }

    @Test
    void rejectsFramesOverTheLimitBeforeParsing() {
        String big = "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c\",\"sdp\":\"" + "x".repeat(Protocol.MAX_FRAME_BYTES) + "\"}";
        assertFails(() -> codec.decodeRequest(big), ErrorCode.MESSAGE_TOO_LARGE);
    }

    @Test
    void countsTheLimitInUtf8Bytes() {
        // 30 000 three-byte characters: under the limit in chars, over it in bytes.
        String wide = "{\"type\":\"ping\",\"id\":\"1\",\"pad\":\"" + "\u20ac".repeat(30_000) + "\"}";
        assertThat(wide.length()).isLessThan(Protocol.MAX_FRAME_BYTES);
        assertFails(() -> codec.decodeRequest(wide), ErrorCode.MESSAGE_TOO_LARGE);
        assertThat(ProtocolCodec.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void reportsMissingFieldsWithTheRequestId() {
        ProtocolException e = assertFails(() -> codec.decodeRequest("{\"type\":\"login\",\"id\":\"7\",\"username\":\"alice\"}"),
                ErrorCode.INVALID_FIELD);
        assertThat(e.requestId()).isEqualTo("7");
        assertThat(e.getMessage()).contains("password");
    }

    @Test
    void requiresAnIdOfAcceptableLength() {
        assertFails(() -> codec.decodeRequest("{\"type\":\"ping\"}"), ErrorCode.INVALID_FIELD);
        assertFails(() -> codec.decodeRequest("{\"type\":\"ping\",\"id\":\"\"}"), ErrorCode.INVALID_FIELD);
        ProtocolException e = assertFails(() -> codec.decodeRequest("{\"type\":\"ping\",\"id\":\"" + "i".repeat(65) + "\"}"),
                ErrorCode.INVALID_FIELD);
        assertThat(e.requestId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"signup\",\"id\":\"1\",\"username\":\"Al\",\"displayName\":\"A\",\"email\":\"a@b\",\"password\":\"long enough\"}",
        "{\"type\":\"signup\",\"id\":\"1\",\"username\":\"alice\",\"displayName\":\"  \",\"email\":\"a@b\",\"password\":\"long enough\"}",
        "{\"type\":\"signup\",\"id\":\"1\",\"username\":\"alice\",\"displayName\":\"A\",\"email\":\"nope\",\"password\":\"long enough\"}",
        "{\"type\":\"channel_create\",\"id\":\"1\",\"name\":\"Bad Name\"}",
        "{\"type\":\"channel_create\",\"id\":\"1\",\"name\":{\"x\":1}}",
        "{\"type\":\"channel_join\",\"id\":\"1\",\"name\":\"tea\",\"invite\":\"short\"}",
        "{\"type\":\"channel_join\",\"id\":\"1\",\"name\":\"tea\",\"invite\":\"Qm8d2LxV7pT0cRw3aZk9Yb N\"}",
        "{\"type\":\"call_ring\",\"id\":\"1\",\"channel\":\"tea\",\"media\":\"hologram\"}",
        "{\"type\":\"candidate\",\"id\":\"1\",\"callId\":\"c\",\"sdpMLineIndex\":-1,\"candidate\":\"\"}",
        "{\"type\":\"candidate\",\"id\":\"1\",\"callId\":\"c\",\"sdpMLineIndex\":1.5,\"candidate\":\"\"}",
        "{\"type\":\"hello\",\"id\":\"1\",\"protocolVersion\":\"one\",\"client\":\"x\"}",
        "{\"type\":\"hello\",\"id\":\"1\",\"protocolVersion\":1,\"client\":7}",
        "{\"type\":\"logout\",\"id\":\"1\",\"everywhere\":\"yes\"}"
    })
    void rejectsBadFieldValues(String frame) {
        assertFails(() -> codec.decodeRequest(frame), ErrorCode.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIDEO", "Video", "AUDIO", "Audio", " video", "video "})
    void readsEnumsOnlyByTheirLowerCaseWireNames(String media) {
        ProtocolException e = assertFails(() -> codec.decodeRequest(
                "{\"type\":\"call_ring\",\"id\":\"1\",\"channel\":\"tea\",\"media\":\"" + media + "\"}"),
                ErrorCode.INVALID_FIELD);
        assertThat(e.requestId()).isEqualTo("1");
        assertThat(e.getMessage()).contains("media").contains("audio").contains("video");
    }

    @Test
    void readsEnumsInServerMessagesOnlyByTheirWireNamesToo() {
        assertFails(() -> codec.decodeServerMessage("{\"type\":\"call_ended\",\"callId\":\"c\",\"reason\":\"HANGUP\"}",
                id -> null), ErrorCode.INVALID_FIELD);
    }

    @Test
    void writesAndReadsEnumsByTheirLowerCaseWireNames() throws Exception {
        String frame = codec.encode(new Request.CallRing("1", "tea", Media.VIDEO));
        assertThat(frame).contains("\"media\":\"video\"");
        assertThat(codec.decodeRequest(frame)).isEqualTo(new Request.CallRing("1", "tea", Media.VIDEO));
    }

    /** Display names that could hide or disguise who is calling. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Ann\\u0085",            // a C1 control (NEL)
        "Ann\\u0007",            // a C0 control
        "\\u00a0",               // only a no-break space
        "\\u200b",               // only a zero-width space
        "\\u200b\\u00a0\\u2060", // only invisible format characters and spaces
        "\\u3000\\u2028",        // only an ideographic space and a line separator
        "Ann\\u2028Bob",         // a line separator inside
        "admin\\u202egnp.exe",   // right-to-left override
        "a\\u202ab",             // left-to-right embedding
        "a\\u2066b",             // left-to-right isolate
        "a\\u200fb",             // right-to-left mark
        "a\\u061cb",             // Arabic letter mark
        "Ann\\ud800",            // a lone high surrogate
        "\\udc00Ann"             // a lone low surrogate
    })
    void refusesDisplayNamesThatHideOrDisguise(String jsonEscaped) {
        assertFails(() -> codec.decodeRequest("{\"type\":\"signup\",\"id\":\"1\",\"username\":\"alice\",\"displayName\":\""
                + jsonEscaped + "\",\"email\":\"a@b\",\"password\":\"long enough\"}"), ErrorCode.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann Lee", "\\u00c5sa \\u00d6berg", "\\u0645\\u0631\\u064a\\u0645", "\\u674e\\u5a1c",
            "Ann \\ud83d\\ude00", "Ann\\u00a0Lee", "\\u0915\\u094d\\u200d\\u0937"})
    void acceptsDisplayNamesInAnyScript(String jsonEscaped) throws Exception {
        Request r = codec.decodeRequest("{\"type\":\"signup\",\"id\":\"1\",\"username\":\"alice\",\"displayName\":\""
                + jsonEscaped + "\",\"email\":\"a@b\",\"password\":\"long enough\"}");
        assertThat(r).isInstanceOf(Request.Signup.class);
    }

    /** Text with a lone surrogate has no UTF-8 form: stored or hashed, it would silently become '?'. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"login\",\"id\":\"1\",\"username\":\"alice\",\"password\":\"long enough\\ud800\"}",
        "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c\",\"sdp\":\"v=0\\udfff\"}",
        "{\"type\":\"hello\",\"id\":\"1\",\"protocolVersion\":1,\"client\":\"\\ude00\\ud83d\"}"
    })
    void refusesUnpairedSurrogatesInAnyString(String frame) {
        ProtocolException e = assertFails(() -> codec.decodeRequest(frame), ErrorCode.INVALID_FIELD);
        assertThat(e.getMessage()).contains("surrogate");
    }

    @Test
    void countsLengthLimitsInCodePoints() throws Exception {
        // 64 emoji: 128 UTF-16 units, 64 characters as a user counts them.
        String emoji = "\\ud83d\\ude00".repeat(Protocol.MAX_DISPLAY_NAME_LENGTH);
        assertThat(codec.decodeRequest(signupWithDisplayName(emoji))).isInstanceOf(Request.Signup.class);
        assertFails(() -> codec.decodeRequest(signupWithDisplayName(emoji + "x")), ErrorCode.INVALID_FIELD);
    }

    private static String signupWithDisplayName(String jsonEscaped) {
        return "{\"type\":\"signup\",\"id\":\"1\",\"username\":\"alice\",\"displayName\":\"" + jsonEscaped
                + "\",\"email\":\"a@b\",\"password\":\"long enough\"}";
    }

    /** Behaviour docs/protocol.md section 2 and 4 promise to independent clients. */
    @Test
    void documentedEdgeCases() throws Exception {
        ProtocolException numericId = assertFails(() -> codec.decodeRequest("{\"type\":\"ping\",\"id\":5}"),
                ErrorCode.INVALID_FIELD);
        assertThat(numericId.requestId()).isNull();
        assertThat(numericId.getMessage()).contains("id");
        assertThat(codec.decodeRequest("{\"type\":\"ping\",\"id\":\"1\",\"id\":\"2\"}")).isEqualTo(new Request.Ping("2"));
        assertThat(codec.decodeRequest("{\"type\":\"candidate\",\"id\":\"1\",\"callId\":\"c\",\"sdpMid\":null,"
                + "\"sdpMLineIndex\":0,\"candidate\":\"\"}")).isEqualTo(new Request.Candidate("1", "c", null, 0, ""));
        assertFails(() -> codec.decodeRequest("{\"type\":\"login\",\"id\":\"1\",\"username\":null,\"password\":\"x\"}"),
                ErrorCode.INVALID_FIELD);
        assertFails(() -> codec.decodeRequest("{\"type\":\"login\",\"id\":\"1\",\"username\":\"Alice\",\"password\":\"x\"}"),
                ErrorCode.INVALID_FIELD);
        assertFails(() -> codec.decodeRequest("{\"type\":\"PING\",\"id\":\"1\"}"), ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void logoutIsForThisSessionUnlessEverywhereIsTrue() throws Exception {
        assertThat(((Request.Logout) codec.decodeRequest("{\"type\":\"logout\",\"id\":\"1\"}")).isEverywhere()).isFalse();
        assertThat(((Request.Logout) codec.decodeRequest("{\"type\":\"logout\",\"id\":\"1\",\"everywhere\":false}"))
                .isEverywhere()).isFalse();
        assertThat(((Request.Logout) codec.decodeRequest("{\"type\":\"logout\",\"id\":\"1\",\"everywhere\":true}"))
                .isEverywhere()).isTrue();
    }

    @Test
    void rejectsOverlongStrings() {
        String sdp = "s".repeat(Protocol.MAX_SDP_LENGTH + 1);
        assertFails(() -> codec.decodeRequest("{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c\",\"sdp\":\"" + sdp + "\"}"),
                ErrorCode.INVALID_FIELD);
        String password = "p".repeat(Protocol.MAX_PASSWORD_LENGTH + 1);
        assertFails(() -> codec.decodeRequest("{\"type\":\"login\",\"id\":\"1\",\"username\":\"alice\",\"password\":\""
                + password + "\"}"), ErrorCode.INVALID_FIELD);
    }

    @Test
    void acceptsEndOfCandidatesAndIgnoresUnknownFields() throws Exception {
        Request r = codec.decodeRequest("{\"type\":\"candidate\",\"id\":\"1\",\"callId\":\"c\",\"sdpMLineIndex\":0,"
                + "\"candidate\":\"\",\"usernameFragment\":\"abc\"}");
        assertThat(r).isEqualTo(new Request.Candidate("1", "c", null, 0, ""));
    }

    @Test
    void decodesRepliesOnlyForPendingRequests() throws Exception {
        String frame = codec.encode(new Ok("5", new Result.CallRing("c-1")));
        assertThat(codec.decodeServerMessage(frame, id -> id.equals("5") ? MessageType.CALL_RING : null))
                .isEqualTo(new Ok("5", new Result.CallRing("c-1")));
        assertFails(() -> codec.decodeServerMessage(frame, id -> null), ErrorCode.INVALID_FIELD);
        assertFails(() -> codec.decodeServerMessage(frame, id -> MessageType.CHANNEL_JOIN), ErrorCode.INVALID_FIELD);
    }

    @Test
    void keepsTheMessageOfAnErrorCodeFromANewerServer() throws Exception {
        ServerMessage m = codec.decodeServerMessage("{\"type\":\"error\",\"id\":\"2\",\"code\":\"QUANTUM\",\"message\":\"m\"}", id -> null);
        assertThat(m).isEqualTo(new ErrorReply("2", ErrorCode.INTERNAL, "m"));
    }

    @Test
    void rejectsRequestsWhereServerMessagesAreExpected() {
        assertFails(() -> codec.decodeServerMessage("{\"type\":\"login\",\"id\":\"1\"}", id -> null), ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void keepsSecretsOutOfToString() {
        assertThat(new Request.Login("1", "alice", "hunter22").toString()).doesNotContain("hunter22");
        assertThat(new SessionInfo("tok3n", 1L).toString()).doesNotContain("tok3n");
        assertThat(new Request.PasswordResetConfirm("1", "a", "12345678", "pw").toString()).doesNotContain("12345678");
    }

    @Test
    void wireNamesRoundTrip() {
        for (MessageType t : MessageType.values()) {
            assertThat(MessageType.fromWireName(t.wireName())).contains(t);
        }
        assertThat(MessageType.fromWireName("LOGIN")).isEmpty();
    }

    private static ProtocolException assertFails(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        ProtocolException e = (ProtocolException) thrown;
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}
