package app.duet.bench.duet;

import app.duet.bench.os.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts Duet's signaling server from its shaded jar as its own JVM on 127.0.0.1, with a fresh
 * SQLite file, no ops endpoint, and the bcrypt cost a benchmark asks for.
 */
public final class DuetServer {
    private DuetServer() {
    }

    /** {@code serverArgs} are further flags for the server (e.g. a raised --rate-limit). */
    public static ServerProcess start(Path jar, Path workDir, int bcryptCost, List<String> jvmOptions,
                                      List<String> serverArgs) throws IOException, InterruptedException {
        return startOn(ServerProcess.freePort(), -1, jar, workDir, bcryptCost, jvmOptions, serverArgs);
    }

    /** The same on a given port and ops port (-1: none), e.g. the ones a load balancer in front expects. */
    public static ServerProcess startOn(int port, int opsPort, Path jar, Path workDir, int bcryptCost,
                                        List<String> jvmOptions, List<String> serverArgs)
            throws IOException, InterruptedException {
        Path dataDir = workDir.resolve("data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--data-dir", dataDir.toAbsolutePath().toString(), "--port", Integer.toString(port),
                "--ops-port", Integer.toString(opsPort), "--bcrypt-cost", Integer.toString(bcryptCost)));
        command.addAll(serverArgs);
        return ServerProcess.start("Duet", command, workDir, port, workDir.resolve("duet-server.log"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
