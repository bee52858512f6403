package app.duet.bench.duet;

import app.duet.bench.os.ServerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The command-line options of the benchmarks that run Duet's server as a process of its own (a picocli mixin). */
public final class DuetServerOptions {
    @Option(names = "--server-jar", defaultValue = "signaling-server/target/duet-server.jar",
            description = "Duet's runnable server jar.")
    private Path jar;

    @Option(names = "--bcrypt-cost", defaultValue = "4",
            description = "bcrypt cost the server uses for the bench accounts (production default is higher).")
    private int bcryptCost;

    @Option(names = "--server-jvm-opt", description = "A JVM option for the Duet server process (repeatable),"
            + " e.g. -XX:StartFlightRecording=filename=server.jfr to profile it.")
    private List<String> jvmOptions = new ArrayList<>();

    public Path jar() {
        return jar;
    }

    public int bcryptCost() {
        return bcryptCost;
    }

    public List<String> jvmOptions() {
        return List.copyOf(jvmOptions);
    }

    /** Starts the server on {@code port} and {@code opsPort} with these options and {@code serverArgs}. */
    public ServerProcess startOn(int port, int opsPort, Path workDir, List<String> serverArgs)
            throws IOException, InterruptedException {
        return DuetServer.startOn(port, opsPort, jar, workDir, bcryptCost, jvmOptions, serverArgs);
    }

    /** Starts the server with these options and the further server flags {@code serverArgs}. */
    public ServerProcess start(Path workDir, List<String> serverArgs) throws IOException, InterruptedException {
        return DuetServer.start(jar, workDir, bcryptCost, jvmOptions, serverArgs);
    }
}
