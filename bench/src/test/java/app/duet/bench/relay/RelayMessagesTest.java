package app.duet.bench.relay;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.Request;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-built hot-path frames are what each server's protocol expects, with the sizes the report claims. */
class RelayMessagesTest {
    private final RelayPair pair = new RelayPair(3, null, null, "bench3a", "bench3b", "c-42");
    private final String stamp = LatencyStamp.format(987_654_321L);

    @Test
    void duetFramesAreValidRequestsCarryingTheStamp() throws Exception {
        DuetTarget duet = DuetTarget.oneServer(Path.of("unused.jar"), Path.of("unused"), 4, List.of());
        ProtocolCodec codec = new ProtocolCodec();

        Request offer = codec.decodeRequest(duet.sdpMessage(pair, true, stamp));
        Request answer = codec.decodeRequest(duet.sdpMessage(pair, false, stamp));
        Request candidate = codec.decodeRequest(duet.candidateMessage(pair, true, stamp));

        assertThat(offer).isInstanceOfSatisfying(Request.Offer.class, o -> {
            assertThat(o.callId()).isEqualTo("c-42");
            assertThat(o.sdp()).startsWith("v=0\r\n").hasSizeBetween(3900, 4100);
            assertThat(LatencyStamp.read(o.sdp())).isEqualTo(987_654_321L);
        });
        assertThat(answer).isInstanceOf(Request.Answer.class);
        assertThat(candidate).isInstanceOfSatisfying(Request.Candidate.class,
                c -> assertThat(LatencyStamp.read(c.candidate())).isEqualTo(987_654_321L));
        assertThat(duet.candidateMessage(pair, true, stamp).length()).isBetween(180, 260);
    }

    @Test
    void peerServerFramesAddressTheOtherPeer() {
        PeerServerTarget peer = new PeerServerTarget(Path.of("unused"), Path.of("unused"));

        var offer = JsonParser.parseString(peer.sdpMessage(pair, true, stamp)).getAsJsonObject();
        var candidate = JsonParser.parseString(peer.candidateMessage(pair, false, stamp)).getAsJsonObject();

        assertThat(offer.get("type").getAsString()).isEqualTo("OFFER");
        assertThat(offer.get("dst").getAsString()).isEqualTo("bench3b");
        assertThat(offer.getAsJsonObject("payload").getAsJsonObject("sdp").get("sdp").getAsString())
                .hasSizeBetween(3900, 4100);
        assertThat(candidate.get("type").getAsString()).isEqualTo("CANDIDATE");
        assertThat(candidate.get("dst").getAsString()).isEqualTo("bench3a");
        assertThat(LatencyStamp.read(candidate.toString())).isEqualTo(987_654_321L);
    }
}
