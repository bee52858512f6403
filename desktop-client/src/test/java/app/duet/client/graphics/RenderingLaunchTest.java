package app.duet.client.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.DuetLauncher;
import app.duet.client.config.ConfigDir;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;

/**
 * The remembered software start in the real app: Duet's launcher in a JVM of its own, on the test's display
 * (Xvfb: no GPU, so JavaFX refuses Mesa's software OpenGL and draws in software), started again and again on one
 * config dir. Prism's own report ({@code -Dprism.verbose}) says which pipelines each start offered it.
 */
class RenderingLaunchTest {
    private static final String JAVAFX_CHOOSES = "Prism pipeline init order: es2 sw";
    private static final String SOFTWARE_ONLY = "Prism pipeline init order: sw ";

    @TempDir
    Path temp;

    @Test
    void aStartThatFoundNoGpuMakesTheNextOneStartInSoftwareAndHardwareLetsJavaFxChooseAgain() throws Exception {
        Path config = temp.resolve("config");
        PipelineMemoryStore memory = new PipelineMemoryStore(new ConfigDir(config));

        String first = startUntil(config, memory, m -> m.software() && m.softwareStarts() == 0, List.of(), "first");
        assertThat(first).contains(JAVAFX_CHOOSES).contains("Rendering: JavaFX draws in software");

        String second = startUntil(config, memory, m -> m.softwareStarts() == 1, List.of(), "second");
        assertThat(second).contains(SOFTWARE_ONLY).contains("Rendering: software (no usable GPU at the last try");

        String third = startUntil(config, memory, m -> m.softwareStarts() == 0, List.of("--rendering", "hardware"),
                "third");
        assertThat(third).contains(JAVAFX_CHOOSES).doesNotContain(SOFTWARE_ONLY);
    }

    @Test
    void anUnknownModeStopsTheStartWithAMessageAndStatus2() throws Exception {
        Process flag = launch(temp.resolve("a"), List.of("--rendering", "fast"), Map.of(), temp.resolve("a.log"));
        Process env = launch(temp.resolve("b"), List.of(), Map.of("DUET_RENDERING", "gpu"), temp.resolve("b.log"));

        assertThat(flag.waitFor(Waits.PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(env.waitFor(Waits.PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(flag.exitValue()).isEqualTo(2);
        assertThat(env.exitValue()).isEqualTo(2);
        assertThat(Files.readString(temp.resolve("a.log"))).contains("'fast' is not a rendering mode");
        assertThat(Files.readString(temp.resolve("b.log")))
                .contains("DUET_RENDERING: 'gpu' is not a rendering mode: use auto, software or hardware");
        assertThat(temp.resolve("a").resolve(PipelineMemoryStore.FILE)).doesNotExist();
    }

    /** Starts Duet, waits until it has remembered what {@code expected} describes, ends it; its output. */
    private String startUntil(Path config, PipelineMemoryStore memory, Predicate<PipelineMemory> expected,
                              List<String> flags, String name) throws Exception {
        Path log = temp.resolve(name + ".log");
        Process app = launch(config, flags, Map.of(), log);
        try {
            await(name + " start remembers its pipeline").atMost(Waits.PROCESS_START)
                    .until(() -> !app.isAlive() || memory.load().filter(expected).isPresent());
            assertThat(app.isAlive()).as("the app is still running; see %s", log).isTrue();
        } finally {
            app.destroy();
            assertThat(app.waitFor(Waits.PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The real launcher in a JVM of its own, as the desktop starts it, on a server that is not there. */
    private static Process launch(Path config, List<String> flags, Map<String, String> env, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprism.verbose=true", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), DuetLauncher.class.getName(),
                "--config-dir", config.toString(), "--server", "ws://127.0.0.1:" + TestServer.unusedPort()));
        command.addAll(flags);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DUET_RENDERING");
        builder.environment().putAll(env);
        return builder.start();
    }
}
