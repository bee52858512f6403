package app.duet.bench.framepath;

import app.duet.bench.relay.SignalingPayloads;
import app.duet.protocol.PassThrough;
import app.duet.protocol.PassThroughCodec;
import app.duet.protocol.ProtocolCodec;
import app.duet.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.util.Charsetfunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relay's own work on one frame, without sockets: what the selector thread does between reading a client's
 * masked text frame and handing the relayed event's frame to the socket — unmask and check the frame, make its
 * text, read it with the pass-through codec, build the event for the other member and frame it. An offer with
 * the relay benchmark's 4 KB SDP, and a candidate. The rest of a relayed message's cost is the system calls
 * (read, write, epoll) and the server's routing, which `scripts/bench.sh relay` measures with the kernel.
 * Sample time: each operation timed, so the median shows the work itself on a machine whose other load
 * preempts some of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FramePathBenchmark {
    private final Draft_6455 server = new Draft_6455();
    private final PassThroughCodec codec = new PassThroughCodec(new ProtocolCodec());
    private byte[] offerFrame;
    private byte[] candidateFrame;

    @Setup
    public void setUp() {
        offerFrame = clientFrame("{\"type\":\"offer\",\"id\":\"12\",\"callId\":\"c-123\",\"sdp\":\""
                + SignalingPayloads.sdpJson("1700000000000:12:0:7") + "\"}");
        candidateFrame = clientFrame("{\"type\":\"candidate\",\"callId\":\"c-123\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
                + "\"candidate\":\"" + SignalingPayloads.candidateJson("1700000000000:12:1:8") + "\"}");
    }

    @Benchmark
    public ByteBuffer offer() throws InvalidDataException, ProtocolException {
        return relay(offerFrame);
    }

    @Benchmark
    public ByteBuffer candidate() throws InvalidDataException, ProtocolException {
        return relay(candidateFrame);
    }

    private ByteBuffer relay(byte[] frame) throws InvalidDataException, ProtocolException {
        Framedata in = server.translateFrame(ByteBuffer.wrap(frame)).get(0);
        String text = Charsetfunctions.stringUtf8(in.getPayloadData());
        String event = ((PassThrough) codec.decodeRequest(text)).eventFrame("alice-0007");
        return server.createBinaryFrame(server.createFrames(event, false).get(0));
    }

    /** The bytes of a text frame as a client sends it: masked. */
    private static byte[] clientFrame(String text) {
        Draft_6455 client = new Draft_6455();
        ByteBuffer wire = client.createBinaryFrame(client.createFrames(text, true).get(0));
        byte[] bytes = new byte[wire.remaining()];
        wire.get(bytes);
        return bytes;
    }
}
