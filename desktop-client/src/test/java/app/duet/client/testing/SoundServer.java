package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PulseAudio (Debian packages pulseaudio, pulseaudio-utils) with virtual devices: two
 * microphones ({@link #TONE_MIC}, a 440 Hz sine at half scale, and {@link #SILENT_MIC}) and two speakers
 * (null sinks {@link #SPEAKER_A}, {@link #SPEAKER_B}). Its socket is the one PULSE_SERVER names, so the
 * test JVM's libwebrtc talks to it and to nothing else.
 */
public final class SoundServer implements AutoCloseable {

    public static final String TONE_MIC = "mic_tone";
    public static final String SILENT_MIC = "mic_silent";
    public static final String SPEAKER_A = "speaker_a";
    public static final String SPEAKER_B = "speaker_b";
    /** Unix socket paths longer than this do not fit in sockaddr_un. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final int MONITOR_RATE = 16_000;
    private static final Logger LOG = LoggerFactory.getLogger(SoundServer.class);

    private final String address;
    private final Process process;

    private SoundServer(String address, Process process) {
        this.address = address;
        this.process = process;
    }

    /** Starts PulseAudio on {@code address} ("unix:/path/native") and waits until it answers. */
    static SoundServer start(String address) throws IOException {
        if (!address.startsWith("unix:")) {
            throw new IllegalArgumentException("PULSE_SERVER must be unix:/path, was " + address);
        }
        Path socket = Path.of(address.substring("unix:".length())).toAbsolutePath();
        if (socket.toString().length() > MAX_SOCKET_PATH) {
            throw new IllegalArgumentException("socket path too long for a unix socket: " + socket);
        }
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        Files.deleteIfExists(socket);
        ProcessBuilder builder = new ProcessBuilder(List.of("pulseaudio", "-n", "--daemonize=no",
                // A server orphaned by a killed test JVM leaves by itself once no client is left.
                "--exit-idle-time=120", "--use-pid-file=no", "--disallow-exit",
                "--log-target=stderr",
                "-L", "module-native-protocol-unix socket=" + socket + " auth-anonymous=1",
                "-L", "module-null-sink sink_name=" + SPEAKER_A + " sink_properties=device.description=Speaker-A",
                "-L", "module-null-sink sink_name=" + SPEAKER_B + " sink_properties=device.description=Speaker-B",
                "-L", "module-sine-source source_name=" + TONE_MIC + " frequency=440 source_properties=device.description=Tone-Mic",
                "-L", "module-null-source source_name=" + SILENT_MIC + " description=Silent-Mic"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pulseaudio.log").toFile());
        // Only what PulseAudio needs: its state and runtime files stay in dir, away from any user session.
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", dir.toString());
        env.put("XDG_RUNTIME_DIR", dir.toString());
        Process process = builder.start();
        SoundServer server = new SoundServer("unix:" + socket, process);
        try {
            await("PulseAudio answering on " + socket).atMost(Waits.HELPER_START).pollInterval(Duration.ofMillis(200))
                    .until(server::answers);
            server.requireDevices();
            server.pactl("set-default-source", TONE_MIC);
            server.pactl("set-default-sink", SPEAKER_A);
        } catch (RuntimeException e) {
            server.close();
            throw new IOException(e.getMessage() + "; see " + dir.resolve("pulseaudio.log"), e);
        }
        LOG.info("Private PulseAudio runs on {}", socket);
        return server;
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("pulseaudio exited with " + process.exitValue());
        }
        return run(List.of("pactl", "info")).exitCode == 0;
    }

    /** PulseAudio runs on when a -L module fails to load; a missing device would only confuse the tests. */
    private void requireDevices() {
        List<String> names = new ArrayList<>();
        for (String kind : List.of("sources", "sinks")) {
            array(pactl("list", "short", kind)).forEach(d -> names.add(d.getAsJsonObject().get("name").getAsString()));
        }
        if (!names.containsAll(List.of(TONE_MIC, SILENT_MIC, SPEAKER_A, SPEAKER_B))) {
            throw new IllegalStateException("virtual devices missing, the server has only " + names);
        }
    }

    /** Runs pactl against this server; fails on a non-zero exit. Returns standard output. */
    public String pactl(String... args) {
        List<String> command = new ArrayList<>(List.of("pactl", "--format=json"));
        command.addAll(List.of(args));
        Result result = run(command);
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode + ": "
                    + result.output);
        }
        return result.output;
    }

    /**
     * Loads a module (e.g. a virtual device a single test needs); closing the result unloads it. pactl
     * exits 0 even when an unload fails, so the module list is checked.
     */
    public AutoCloseable loadModule(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("load-module", name));
        command.addAll(List.of(args));
        String index = JsonParser.parseString(pactl(command.toArray(String[]::new))).getAsJsonObject()
                .get("index").getAsString();
        String argument = String.join(" ", args);
        return () -> {
            pactl("unload-module", index);
            // pactl's JSON module list has no index; name and argument identify the module.
            for (JsonElement module : array(pactl("list", "modules"))) {
                JsonObject m = module.getAsJsonObject();
                if (m.get("name").getAsString().equals(name) && m.get("argument").getAsString().equals(argument)) {
                    throw new IllegalStateException("module " + name + " " + argument + " is still loaded");
                }
            }
        };
    }

    /** The names of the sinks that the streams played by this JVM (its sink inputs) go to. */
    public List<String> playbackSinks() {
        Map<Long, String> sinkNames = new java.util.HashMap<>();
        for (JsonElement sink : array(pactl("list", "sinks"))) {
            sinkNames.put(sink.getAsJsonObject().get("index").getAsLong(), sink.getAsJsonObject().get("name").getAsString());
        }
        List<String> sinks = new ArrayList<>();
        for (JsonElement input : array(pactl("list", "sink-inputs"))) {
            if (ours(input)) {
                sinks.add(sinkNames.get(input.getAsJsonObject().get("sink").getAsLong()));
            }
        }
        return sinks;
    }

    /** The names of the sources this JVM records from (its source outputs; parec and modules' own left out). */
    public List<String> recordingSources() {
        Map<Long, String> sourceNames = new java.util.HashMap<>();
        for (JsonElement source : array(pactl("list", "sources"))) {
            sourceNames.put(source.getAsJsonObject().get("index").getAsLong(),
                    source.getAsJsonObject().get("name").getAsString());
        }
        List<String> sources = new ArrayList<>();
        for (JsonElement output : array(pactl("list", "source-outputs"))) {
            if (ours(output)) {
                sources.add(sourceNames.get(output.getAsJsonObject().get("source").getAsLong()));
            }
        }
        return sources;
    }

    /**
     * Loudness (RMS, 0..1) of what a sink plays, read from its monitor: the last half of a one-second
     * recording, so the recorder's start-up does not count.
     */
    public double monitorLevel(String sink) {
        int second = MONITOR_RATE * 2;
        ProcessBuilder builder = new ProcessBuilder("parec", "--device=" + sink + ".monitor", "--raw",
                "--format=s16le", "--channels=1", "--rate=" + MONITOR_RATE, "--latency-msec=20");
        builder.environment().put("PULSE_SERVER", address);
        try {
            Process parec = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                byte[] pcm = parec.getInputStream().readNBytes(second);
                if (pcm.length < second) {
                    throw new IllegalStateException("parec ended early on " + sink + ".monitor");
                }
                return rms(pcm, second / 2, second / 2);
            } finally {
                parec.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double rms(byte[] pcm16le, int from, int length) {
        double sum = 0;
        int count = length / 2;
        for (int i = 0; i < count; i++) {
            int at = from + 2 * i;
            double v = (short) ((pcm16le[at] & 0xFF) | (pcm16le[at + 1] << 8)) / 32768.0;
            sum += v * v;
        }
        return Math.sqrt(sum / count);
    }

    /** A stream this JVM opened (not parec's, not a module's). */
    private static boolean ours(JsonElement stream) {
        JsonElement properties = stream.getAsJsonObject().get("properties");
        JsonElement pid = properties == null ? null : properties.getAsJsonObject().get("application.process.id");
        return pid != null && pid.getAsString().equals(Long.toString(ProcessHandle.current().pid()));
    }

    private static JsonArray array(String json) {
        return JsonParser.parseString(json).getAsJsonArray();
    }

    private Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PULSE_SERVER", address);
        try {
            Process pactl = builder.start();
            String output = new String(pactl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!pactl.waitFor(10, TimeUnit.SECONDS)) {
                pactl.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(pactl.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private record Result(int exitCode, String output) {
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LOG.info("Private PulseAudio stopped");
    }
}
