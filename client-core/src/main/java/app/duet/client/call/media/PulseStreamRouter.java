package app.duet.client.call.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the audio module's streams on the chosen PulseAudio device. webrtc-java 0.14.0 cannot choose a device
 * on Linux: setPlayoutDevice/setRecordingDevice match the device against libwebrtc's PulseAudio GUID, which
 * is always empty, so the module always opens the server's default. After the module reopens its stream,
 * this moves that stream (found as the one this process did not have before) with {@code pactl}, as a
 * volume control would. Needs pactl (pulseaudio-utils; PipeWire's pulse layer answers it too).
 */
final class PulseStreamRouter {

    private static final Logger LOG = LoggerFactory.getLogger(PulseStreamRouter.class);
    private static final long PACTL_TIMEOUT_MILLIS = 3_000;

    enum Direction {
        PLAYBACK("sink-inputs", "move-sink-input"),
        RECORDING("source-outputs", "move-source-output");

        private final String listing;
        private final String move;

        Direction(String listing, String move) {
            this.listing = listing;
            this.move = move;
        }
    }

    private final String pid = Long.toString(ProcessHandle.current().pid());
    private final boolean active;

    /** Active on Linux, where the module cannot choose a device itself; elsewhere every call is a no-op. */
    PulseStreamRouter(boolean active) {
        this.active = active;
    }

    static PulseStreamRouter forThisPlatform() {
        return new PulseStreamRouter(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"));
    }

    /** Indexes of this process's streams in that direction; empty when pactl cannot answer. */
    Set<Long> streams(Direction direction) {
        Set<Long> ours = new HashSet<>();
        if (!active) {
            return ours;
        }
        pactl("--format=json", "list", direction.listing).ifPresent(json -> {
            try {
                for (JsonElement stream : JsonParser.parseString(json).getAsJsonArray()) {
                    JsonObject object = stream.getAsJsonObject();
                    JsonObject properties = object.getAsJsonObject("properties");
                    JsonElement owner = properties == null ? null : properties.get("application.process.id");
                    if (owner != null && pid.equals(owner.getAsString())) {
                        ours.add(object.get("index").getAsLong());
                    }
                }
            } catch (JsonParseException | IllegalStateException e) {
                LOG.warn("Unexpected pactl listing of {}: {}", direction.listing, e.toString());
            }
        });
        return ours;
    }

    /**
     * Moves the streams this process opened since {@code before} to {@code device} (a sink or source name).
     * Returns false when there was no new stream or pactl refused; true when inactive.
     */
    boolean moveNew(Direction direction, Set<Long> before, String device) {
        if (!active) {
            return true;
        }
        Set<Long> opened = streams(direction);
        opened.removeAll(before);
        if (opened.isEmpty()) {
            LOG.warn("Found no new {} stream of this process to move to {}", direction, device);
            return false;
        }
        boolean moved = true;
        for (long index : opened) {
            moved &= pactl(direction.move, Long.toString(index), device).isPresent();
        }
        return moved;
    }

    private Optional<String> pactl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "pactl";
        System.arraycopy(args, 0, command, 1, args.length);
        Path outputFile = null;
        try {
            // Output goes to a file, so a pactl that hangs cannot block us beyond the timeout.
            outputFile = Files.createTempFile("duet-pactl", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile()).start();
            if (!process.waitFor(PACTL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warn("pactl {} did not answer", String.join(" ", args));
                return Optional.empty();
            }
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                LOG.warn("pactl {} failed: {}", String.join(" ", args), output.strip());
                return Optional.empty();
            }
            return Optional.of(output);
        } catch (IOException e) {
            LOG.warn("Cannot run pactl (package pulseaudio-utils) to choose an audio device: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            deleteQuietly(outputFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
