package app.duet.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden files pin the wire format: each sample must encode to its file (as JSON, key order aside)
 * and the file must decode back to the sample. Run with -Dgolden.write=true to rewrite them after a
 * deliberate protocol change, then review the diff.
 */
class GoldenFilesTest {
    private final ProtocolCodec codec = new ProtocolCodec();

    @TestFactory
    Stream<DynamicTest> requests() {
        return Samples.requests().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String golden = golden(e.getKey(), codec.encode(e.getValue()));
            assertSameJson(codec.encode(e.getValue()), golden);
            assertThat(codec.decodeRequest(golden)).isEqualTo(e.getValue());
        }));
    }

    @TestFactory
    Stream<DynamicTest> replies() {
        return Samples.replies().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ServerMessage reply = e.getValue().getValue();
            String golden = golden(e.getKey(), codec.encode(reply));
            assertSameJson(codec.encode(reply), golden);
            assertThat(codec.decodeServerMessage(golden, id -> e.getValue().getKey())).isEqualTo(reply);
        }));
    }

    @TestFactory
    Stream<DynamicTest> events() {
        return Samples.events().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String golden = golden(e.getKey(), codec.encode(e.getValue()));
            assertSameJson(codec.encode(e.getValue()), golden);
            assertThat(codec.decodeServerMessage(golden, id -> null)).isEqualTo(e.getValue());
        }));
    }

    /** The golden request, passed through by the server, is the golden event: same fields, sender added. */
    @TestFactory
    Stream<DynamicTest> passedThroughRequestsBecomeTheirEvents() {
        PassThroughCodec passThrough = new PassThroughCodec(codec);
        return Samples.requests().entrySet().stream().filter(e -> e.getValue().type().passesThrough())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String eventName = e.getKey().replace("request-", "event-");
                    Event event = Samples.events().get(eventName);
                    String from = event instanceof Event.Answer ? "bob" : "alice";
                    Request request = passThrough.decodeRequest(golden(e.getKey(), codec.encode(e.getValue())));
                    assertSameJson(((PassThrough) request).eventFrame(from), golden(eventName, codec.encode(event)));
                }));
    }

    @Test
    void everyWireTypeHasAGoldenSample() {
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        Samples.requests().values().forEach(m -> covered.add(m.type()));
        Samples.events().values().forEach(m -> covered.add(m.type()));
        Samples.replies().values().forEach(m -> covered.add(m.getValue().type()));
        assertThat(covered).containsExactlyInAnyOrder(MessageType.values());
    }

    @Test
    void everyResultShapeHasAGoldenSample() {
        Set<Class<?>> covered = new java.util.HashSet<>();
        Samples.replies().values().stream().map(Map.Entry::getValue)
                .filter(Ok.class::isInstance).forEach(m -> covered.add(((Ok) m).result().getClass()));
        Set<Class<?>> all = new java.util.HashSet<>();
        for (MessageType t : MessageType.values()) {
            t.resultClass().ifPresent(all::add);
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }

    private static void assertSameJson(String actual, String expected) {
        assertThat(JsonParser.parseString(actual)).isEqualTo(JsonParser.parseString(expected));
    }

    private static String golden(String name, String encoded) throws IOException {
        if (Boolean.getBoolean("golden.write")) {
            Path file = Path.of("src/test/resources/golden", name + ".json");
            Files.writeString(file, pretty(encoded) + "\n");
            return encoded;
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden file %s.json", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String pretty(String json) {
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(json));
    }
}
