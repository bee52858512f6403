package app.duet.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.installers.support.ServerProcess;
import app.duet.installers.support.VirtualDisplay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the jpackage app-image the build just made, the way a user would (its native launcher, its
 * own runtime), on a virtual display against a real server: the window must appear and paint, the
 * client must connect, and SIGTERM must end it cleanly.
 */
@Tag("package")
@EnabledOnOs(OS.LINUX)
class AppImageSmokeTest {
    private static final Path APP_IMAGE = Path.of(System.getProperty("duet.appImage", "target/app-image/Duet"));
    private static final Path SERVER_JAR = Path.of(System.getProperty("duet.serverJar", "../signaling-server/target/duet-server.jar"));
    private static final Path CLIENT_JVM_OPTIONS = Path.of("../scripts/client-jvm.options");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("duet.screenshotDir", "target/screenshots"));
    /** A cold JVM plus JavaFX on two busy cores; measured at 5-10 s. */
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String MAIN_WINDOW_SUFFIX = "— Duet";

    @Test
    void appImageHoldsTheClientItsRuntimeAndTheNativeLibraries() throws IOException {
        assertThat(APP_IMAGE.resolve("bin/Duet")).isExecutable();
        assertThat(Files.readString(APP_IMAGE.resolve("lib/runtime/release")))
                .contains("JAVA_VERSION=\"17")
                .contains("java.desktop", "jdk.crypto.ec", "jdk.unsupported");
        String cfg = Files.readString(APP_IMAGE.resolve("lib/app/Duet.cfg"));
        assertThat(cfg).contains("app.mainclass=app.duet.installers.launcher.PackagedLauncher")
                .contains("$APPDIR/duet-client.jar");
        for (String option : clientJvmOptions()) {
            assertThat(cfg).as("the installed app runs with scripts/client-jvm.options").contains("java-options=" + option);
        }
        try (ZipFile jar = new ZipFile(APP_IMAGE.resolve("lib/app/duet-client.jar").toFile())) {
            assertThat(jar.getEntry("libwebrtc-java-linux-x86_64.so")).as("libwebrtc").isNotNull();
            assertThat(jar.getEntry("libglass.so")).as("JavaFX natives").isNotNull();
            assertThat(jar.getEntry("app/duet/client/DuetLauncher.class")).isNotNull();
        }
    }

    @Test
    void startsShowsItsWindowConnectsTakesALinkFromASecondStartAndExitsCleanlyOnSigterm(@TempDir Path tmp) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path log = SCREENSHOTS.resolve("app-image-smoke.log");
        Path cache = tmp.resolve("cache");
        try (VirtualDisplay display = VirtualDisplay.start(1280, 800);
             ServerProcess server = ServerProcess.start(SERVER_JAR, tmp)) {
            ProcessBuilder pb = new ProcessBuilder(List.of(APP_IMAGE.resolve("bin/Duet").toString(),
                    "--server", server.url(), "--config-dir", tmp.resolve("config").toString()))
                    .directory(tmp.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", display.name());
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            Process app = pb.start();
            try {
                await("the main window").atMost(WINDOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            assertThat(app.isAlive()).as("the app is running (log: %s)", log).isTrue();
                            return display.windowTitles().stream().anyMatch(t -> t.endsWith(MAIN_WINDOW_SUFFIX));
                        });
                await("the client's connection").atMost(Duration.ofSeconds(30))
                        .until(() -> server.metrics().lines().anyMatch("duet_connections 1.0"::equals));
                Path png = SCREENSHOTS.resolve("app-image-smoke.png");
                await("a painted window").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            display.screenshot(png);
                            return paintedShare(ImageIO.read(png.toFile())) > 0.25;
                        });
                // A clicked invite link starts the launcher again: it hands the link over and ends.
                String link = "duet://127.0.0.1:" + java.net.URI.create(server.url()).getPort()
                        + "/join/tea?invite=Qm8d2LxV7pT0cRw3aZk9YbN";
                Path secondLog = tmp.resolve("second-start.log");
                ProcessBuilder again = new ProcessBuilder(List.of(APP_IMAGE.resolve("bin/Duet").toString(),
                        "--config-dir", tmp.resolve("config").toString(), link))
                        .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(secondLog.toFile());
                again.environment().putAll(pb.environment());
                Process second = again.start();
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second start ends (log: %s)", secondLog).isTrue();
                assertThat(second.exitValue()).as("exit code (log: %s)", secondLog).isZero();
                assertThat(app.isAlive()).as("the first start runs on").isTrue();
                assertThat(display.windowTitles().stream().filter(t -> t.endsWith(MAIN_WINDOW_SUFFIX))).hasSize(1);
            } finally {
                app.destroy(); // SIGTERM, as a desktop session ends an app
            }
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s of SIGTERM").isTrue();
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and ended as a signalled process does.
            assertThat(app.exitValue()).as("exit code (log: %s)", log).isIn(0, 143);
        }
        assertThat(Files.readString(log)).doesNotContain("Exception", "A fatal error has been detected");
        assertThat(nativeLibrariesUnder(cache)).as("JavaFX unpacked its natives into Duet's own cache")
                .contains("libglass.so", "libglassgtk3.so");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }

    /**
     * The app runs each camera in a helper process started through its own launcher (jpackage's runtime
     * has no java command): the launcher must hand {@code --camera-helper} over, and the helper must load
     * libwebrtc from the image. A camera that does not exist gives exit code 3 once it has connected to us.
     */
    @Test
    @Timeout(120) // a launcher that ignored the flag would start the UI and never connect
    void theLauncherRunsTheCameraHelper(@TempDir Path tmp) throws Exception {
        Path socket = tmp.resolve("frames");
        Path log = tmp.resolve("helper.log");
        try (ServerSocketChannel frames = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            frames.bind(UnixDomainSocketAddress.of(socket));
            Process helper = new ProcessBuilder(List.of(APP_IMAGE.resolve("bin/Duet").toString(), "--camera-helper",
                    "/dev/video-none", "640", "480", "30", socket.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            helper.onExit().thenRun(() -> closeQuietly(frames)); // a helper that dies first ends accept()
            try (SocketChannel connected = frames.accept()) {
                assertThat(helper.waitFor(60, TimeUnit.SECONDS)).as("the helper exits (log: %s)", log).isTrue();
                assertThat(helper.exitValue()).as("exit code (log: %s)", log).isEqualTo(3);
            } finally {
                helper.destroyForcibly();
            }
        }
        assertThat(Files.readString(log)).contains("Camera /dev/video-none is not connected");
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the test's own assertions report what went wrong
        }
    }

    /** The options every client start uses (one per line, # comments). */
    private static List<String> clientJvmOptions() throws IOException {
        List<String> options = Files.readAllLines(CLIENT_JVM_OPTIONS).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(options).as(CLIENT_JVM_OPTIONS.toString()).isNotEmpty();
        return options;
    }

    /** Share of the screen that is not the black Xvfb background. */
    private static double paintedShare(BufferedImage shot) {
        long painted = 0;
        for (int y = 0; y < shot.getHeight(); y += 4) {
            for (int x = 0; x < shot.getWidth(); x += 4) {
                if ((shot.getRGB(x, y) & 0xFFFFFF) != 0) {
                    painted++;
                }
            }
        }
        return painted / (double) ((shot.getWidth() / 4) * (shot.getHeight() / 4));
    }

    private static Set<String> nativeLibrariesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".so")).collect(Collectors.toSet());
        }
    }
}
