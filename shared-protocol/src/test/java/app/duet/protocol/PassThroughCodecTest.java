package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The full decoder is the judge: every frame the pass-through codec reads must be refused with the same error,
 * or accepted as the same request, whose event frame decodes to the event the server built before.
 */
class PassThroughCodecTest {
    private static final String SDP = "v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n";
    private static final String CANDIDATE = "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx";
    private final ProtocolCodec codec = new ProtocolCodec();
    private final PassThroughCodec passThrough = new PassThroughCodec(codec);

    static Stream<String> frames() {
        return Stream.of(
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + SDP + "\""),
                " {\r\n\t\"type\" : \"answer\" , \"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + SDP + "\" }\n ",
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"a\\/b \\u0041 \\\" \\\\ \\b\\f\\t \\u00e9 é \u2028 \\u0000\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"emoji \uD83D\uDE00 and \\ud83d\\ude00\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"lone \uD83D here\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"lone \\ud83d here\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"raw\ncontrol\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"bad \\x escape\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"short \\u12\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":null"),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":42"),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":true"),
                offer("\"id\":\"1\",\"callId\":\"c-1\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + "s".repeat(Protocol.MAX_SDP_LENGTH) + "\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + "s".repeat(Protocol.MAX_SDP_LENGTH + 1) + "\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + "é".repeat(Protocol.MAX_FRAME_BYTES / 2) + "\""),
                offer("\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"\",\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"" + "i".repeat(65) + "\",\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"" + "i".repeat(64) + "\",\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":7,\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"callId\":null,\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"callId\":5,\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"callId\":\"" + "c".repeat(65) + "\",\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"callId\":\"c\\u002d1\",\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"call\\u0049d\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"id\":\"2\",\"callId\":\"c-1\",\"sdp\":\"x\""),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\",\"extra\":{\"a\":[1,2.5,null]},\"more\":-3e2"),
                offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\",\"flag\":false,\"n\":12"),
                "{\"type\":\"off\\u0065r\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"} x",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}{}",
                "\uFEFF{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\",}",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":'x'}",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":nul}",
                "{\"type\":\"offer\",\"id\":\"1\",\"callId\":\"c-1\" \"sdp\":\"x\"}",
                "{type:\"offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}",
                "[{\"type\":\"offer\"}]",
                "{}",
                "",
                "{\"type\":\"Offer\",\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}",
                "{\"type\":7,\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"}",
                candidate("\"callId\":\"c-1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"candidate\":\"" + CANDIDATE + "\""),
                candidate("\"id\":\"9\",\"callId\":\"c-1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":3,\"candidate\":\"\""),
                candidate("\"id\":null,\"callId\":\"c-1\",\"sdpMid\":null,\"sdpMLineIndex\":0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMid\":\"\",\"sdpMLineIndex\":0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMid\":\"" + "m".repeat(65) + "\",\"sdpMLineIndex\":0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMid\":0,\"sdpMLineIndex\":0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":2147483647,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":2147483648,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":-1,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":-0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":1.0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":1e0,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":01,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":\"0\",\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":null,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":true,\"candidate\":\"x\""),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":0"),
                candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":0,\"candidate\":\"" + "c".repeat(1025) + "\""),
                candidate("\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,"
                        + "\"callId\":\"c-1\",\"sdpMLineIndex\":0,\"candidate\":\"x\""),
                "{\"type\":\"ping\",\"id\":\"1\"}",
                "{\"type\":\"call_hangup\",\"id\":\"1\",\"callId\":\"c-1\"}");
    }

    @ParameterizedTest
    @MethodSource("frames")
    void refusesWhatTheFullDecoderRefusesAndRelaysTheSameMessage(String frame) throws Exception {
        Request expected;
        try {
            expected = codec.decodeRequest(frame);
        } catch (ProtocolException refused) {
            assertThatThrownBy(() -> passThrough.decodeRequest(frame)).isInstanceOfSatisfying(ProtocolException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(refused.code());
                        assertThat(e.getMessage()).isEqualTo(refused.getMessage());
                        assertThat(e.requestId()).isEqualTo(refused.requestId());
                    });
            return;
        }
        Request actual = passThrough.decodeRequest(frame);
        if (!expected.type().passesThrough()) {
            assertThat(actual).isEqualTo(expected);
            return;
        }
        PassThrough relayed = (PassThrough) actual;
        assertThat(relayed.type()).isEqualTo(expected.type());
        assertThat(relayed.id()).isEqualTo(expected.id());
        assertThat(relayed.callId()).isEqualTo(callId(expected));
        assertThat(codec.decodeServerMessage(relayed.eventFrame("bob"), id -> null)).isEqualTo(eventOf(expected, "bob"));
    }

    @Test
    void copiesTheSdpAndCandidateTextAsTheyCame() throws Exception {
        String sdp = "v=0\\r\\na=x:\\/path \\u0041\\r\\n";
        String offer = offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"" + sdp + "\"");
        String candidate = candidate("\"callId\":\"c-1\",\"sdpMLineIndex\":0,\"candidate\":\"a\\/b\"");

        assertThat(((PassThrough) passThrough.decodeRequest(offer)).eventFrame("bob"))
                .isEqualTo("{\"type\":\"offer\",\"callId\":\"c-1\",\"from\":\"bob\",\"sdp\":\"" + sdp + "\"}");
        assertThat(((PassThrough) passThrough.decodeRequest(candidate)).eventFrame("ann"))
                .isEqualTo("{\"type\":\"candidate\",\"callId\":\"c-1\",\"from\":\"ann\",\"sdpMLineIndex\":0,"
                        + "\"candidate\":\"a\\/b\"}");
    }

    @Test
    void escapesTheSenderItAdds() throws Exception {
        String offer = offer("\"id\":\"1\",\"callId\":\"c-1\",\"sdp\":\"x\"");
        String frame = ((PassThrough) passThrough.decodeRequest(offer)).eventFrame("a\"b\\c\n\u2028");

        // Not a valid username, so compared as JSON rather than decoded as an event.
        assertThat(JsonParser.parseString(frame).getAsJsonObject().get("from").getAsString()).isEqualTo("a\"b\\c\n\u2028");
    }

    private static String offer(String fields) {
        return "{\"type\":\"offer\"," + fields + "}";
    }

    private static String candidate(String fields) {
        return "{\"type\":\"candidate\"," + fields + "}";
    }

    private static String callId(Request r) {
        return r instanceof Request.Offer o ? o.callId() : r instanceof Request.Answer a ? a.callId()
                : ((Request.Candidate) r).callId();
    }

    /** The event the server built from the decoded request before it passed frames through. */
    private static Event eventOf(Request r, String from) {
        if (r instanceof Request.Offer o) {
            return new Event.Offer(o.callId(), from, o.sdp());
        } else if (r instanceof Request.Answer a) {
            return new Event.Answer(a.callId(), from, a.sdp());
        }
        Request.Candidate c = (Request.Candidate) r;
        return new Event.Candidate(c.callId(), from, c.sdpMid(), c.sdpMLineIndex(), c.candidate());
    }
}
