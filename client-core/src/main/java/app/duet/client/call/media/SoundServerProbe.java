package app.duet.client.call.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, without touching native code, whether a PulseAudio-compatible sound server is likely to run.
 * libpulse deadlocks inside device enumeration when no server answers, so this cheap check comes first.
 */
final class SoundServerProbe {

    private final Map<String, String> env;

    SoundServerProbe(Map<String, String> env) {
        this.env = env;
    }

    boolean soundServerLikely() {
        if (env.containsKey("PULSE_SERVER")) {
            return true;
        }
        return candidateSockets().stream().anyMatch(Files::exists);
    }

    private List<Path> candidateSockets() {
        List<Path> sockets = new ArrayList<>();
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(Path.of(runtimeDir, "pulse", "native"));
        }
        sockets.add(Path.of("/run/pulse/native"));
        sockets.add(Path.of("/var/run/pulse/native"));
        return sockets;
    }
}
