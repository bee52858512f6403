package app.duet.bench.app;

import app.duet.client.App;
import app.duet.client.ClientOptions;
import app.duet.client.config.ConfigDir;
import app.duet.client.config.FileSessionStore;
import app.duet.client.graphics.PrismPipeline;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.ui.call.FilePicker;
import app.duet.client.ui.common.TimelineTicker;
import app.duet.client.ui.common.VideoView;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The real Duet window as one side of a call, for the app-cost benchmark: run with the client's own jar
 * (duet-client.jar) first on the class path. Signs in once with "stay signed in", so the app starts as a
 * returning user's does, applies the pipeline choice the app's launcher applies (remembered by an earlier start
 * on the same config dir), starts the app's composition root with its window, presses "Accept with video"
 * when the ring comes, and stays in the call (drawing remote video and self-view) until the caller hangs
 * up. Writes "connected" next to {@code --result-file} once remote video is on screen, then the frames it
 * drew a second (remote video, then self-view), and stays open a little after the call for the benchmark to read its memory. Its own main class, not
 * a duet-bench subcommand: only it needs the app's classes.
 */
@Command(name = "app-window", description = "The Duet window in a call (used by `app-cost`).")
public final class AppWindowCommand implements Callable<Integer> {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration LINGER = Duration.ofSeconds(30);

    @Option(names = "--server", required = true)
    private URI server;
    @Option(names = "--user", required = true)
    private String user;
    @Option(names = "--password", required = true)
    private String password;
    @Option(names = "--config-dir", required = true)
    private Path configDir;
    @Option(names = "--seconds", required = true, description = "Longest time to stay in the call.")
    private int seconds;
    @Option(names = "--result-file", required = true)
    private Path resultFile;

    private Stage stage;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AppWindowCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        rememberSession();
        // As the app's launcher does, DUET_RENDERING included.
        PrismPipeline.beforeToolkit(new ClientOptions().rendering(System.getenv()), new ConfigDir(configDir));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                App app = new App(new ClientOptions(server.toString(), configDir), FilePicker.chooser(),
                        new TimelineTicker(App.CALL_SCREEN_TICK));
                app.init();
                stage = new Stage();
                app.start(stage);
                shown.complete(null);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        shown.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        ButtonBase accept = until(scene -> find(scene, "incoming-accept-video", ButtonBase.class)
                .filter(b -> b.isVisible() && !b.isDisabled()), "the ring");
        Platform.runLater(accept::fire);
        VideoView remote = until(scene -> find(scene, "call-remote-video", VideoView.class)
                .filter(v -> v.drawnFrames() > 0), "remote video on screen");
        VideoView self = onFx(() -> find(stage.getScene().getRoot(), "call-self-view", VideoView.class)).orElseThrow();
        Files.writeString(resultFile.resolveSibling(resultFile.getFileName() + ".connected"), "connected");
        long start = System.nanoTime();
        long remoteAtStart = onFx(remote::drawnFrames);
        long selfAtStart = onFx(self::drawnFrames);
        until(scene -> find(scene, "call-screen", Node.class).isEmpty() ? Optional.of(true) : Optional.empty(),
                "the caller's hang-up", Duration.ofSeconds(seconds));
        double elapsed = (System.nanoTime() - start) / 1e9;
        Files.writeString(resultFile, String.format(Locale.ROOT, "%.1f %.1f%n",
                (onFx(remote::drawnFrames) - remoteAtStart) / elapsed, (onFx(self::drawnFrames) - selfAtStart) / elapsed));
        // Stay a while after the hang-up, so the benchmark can read what the app keeps once a call is over.
        TimeUnit.SECONDS.sleep(LINGER.toSeconds());
        Platform.exit();
        return 0;
    }

    /** A returning user's start: the app resumes the remembered session from its config folder. */
    private void rememberSession() throws Exception {
        try (SignalingClient client = new SignalingClient(SignalingConfig.defaults(server, App.CLIENT_NAME),
                new FileSessionStore(new ConfigDir(configDir)), Runnable::run)) {
            client.start();
            client.login(user, password, true).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private <T> T until(Function<javafx.scene.Parent, Optional<T>> probe, String what) throws Exception {
        return until(probe, what, LIMIT);
    }

    /** Looks for something in the window ten times a second, on the FX thread, until it is there. */
    private <T> T until(Function<javafx.scene.Parent, Optional<T>> probe, String what, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = onFx(() -> probe.apply(stage.getScene().getRoot()));
            if (found.isPresent()) {
                return found.get();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new TimeoutException(what + " did not come within " + limit.toSeconds() + " s");
    }

    private static <T extends Node> Optional<T> find(javafx.scene.Parent root, String id, Class<T> type) {
        return Optional.ofNullable(root.lookup("#" + id)).filter(type::isInstance).map(type::cast);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
}
