package app.duet.client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import picocli.CommandLine;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.config.ClientSettings;
import app.duet.client.config.ConfigDir;
import app.duet.client.graphics.PrismPipeline;
import app.duet.client.config.ServerAddress;
import app.duet.client.config.SettingsStore;
import app.duet.client.config.FileSessionStore;
import app.duet.client.instance.MacLinks;
import app.duet.client.instance.RunningInstance;
import app.duet.client.instance.WindowsLinks;
import app.duet.client.notify.CallNotifier;
import app.duet.client.notify.DesktopAlerts;
import app.duet.client.notify.RingAlerts;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.tray.Autostart;
import app.duet.client.tray.TrayCallNotifier;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.sound.RingTone;
import app.duet.client.sound.SynthesizedRingTone;
import app.duet.client.ui.call.CallCoordinator;
import app.duet.client.ui.call.CallViewModel;
import app.duet.client.ui.call.FilePicker;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.Ticker;
import app.duet.client.ui.common.TimelineTicker;
import app.duet.client.ui.shell.MainWindow;
import app.duet.client.ui.shell.SessionState;
import app.duet.client.ui.theme.ThemeController;

/**
 * The composition root: reads the flags and settings, builds the signaling client, the stores, the
 * executors and the window, and closes them in order when the app quits. Nothing else creates them.
 */
public final class App extends Application {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    public static final String CLIENT_NAME = "duet-desktop/0.1";
    static final int MIN_WIDTH = 480;
    static final int MIN_HEIGHT = 360;
    /** The call screen's elapsed time, speaking indicator and notices update ten times a second. */
    public static final Duration CALL_SCREEN_TICK = Duration.ofMillis(100);

    private ClientOptions options;
    private ExecutorService worker;
    private SignalingClient client;
    private Screens screens;
    private volatile MediaEngine mediaEngine;
    private volatile CallEngine engine;
    private SynthesizedRingTone ringTone;
    private final FilePicker files;
    private final Ticker callTicker;
    private final Map<String, String> env;
    private CallNotifier notifier;
    private TrayMode trayMode;
    private Preferences preferences;
    private Instances.Claim instance;
    /** Quitting from the tray: the real app exits the toolkit; an in-process host (tests) only hides the window. */
    private final boolean ownsToolkit;

    /** Used by {@link Application#launch}; the flags come from {@link #getParameters()}. */
    public App() {
        this.files = FilePicker.chooser();
        this.callTicker = new TimelineTicker(CALL_SCREEN_TICK);
        this.env = System.getenv();
        this.ownsToolkit = true;
    }

    /**
     * Used by tests and tools that start the app in-process: UI tests pick files without a native dialog and
     * watch the call screen's ticker.
     */
    public App(ClientOptions options, FilePicker files, Ticker callTicker) {
        this(options, files, callTicker, System.getenv());
    }

    /** As above, in the desktop session {@code env} describes (its session bus, display). */
    public App(ClientOptions options, FilePicker files, Ticker callTicker, Map<String, String> env) {
        this.options = options;
        this.files = files;
        this.callTicker = callTicker;
        this.env = env;
        this.ownsToolkit = false;
    }

    @Override
    public void init() {
        if (options == null) {
            options = new ClientOptions();
            new CommandLine(options).parseArgs(getParameters().getRaw().toArray(String[]::new));
        }
        instance = Instances.claim(options, env); // off the FX thread: init runs on the launcher's
    }

    @Override
    public void start(Stage stage) {
        if (instance.handedOver()) { // a Duet of this config dir started meanwhile and took this start's link
            if (ownsToolkit) {
                Platform.exit();
            }
            return;
        }
        ConfigDir configDir = options.configDir(env, System.getProperty("user.home"));
        SettingsStore settingsStore = new SettingsStore(configDir, ServerAddress.DEFAULT);
        ClientSettings saved = settingsStore.load();
        String server = options.server(env).orElse(saved.serverUri());
        URI serverUri = ServerAddress.parse(server).orElseGet(() -> {
            log.warn("'{}' is not a server address; using {}", server, ServerAddress.DEFAULT);
            return URI.create(ServerAddress.DEFAULT);
        });
        ClientSettings settings = saved.withServerUri(serverUri.toString());

        worker = Executors.newFixedThreadPool(2, daemonThreads("duet-background-"));
        boolean drawsInSoftware = !Platform.isSupported(ConditionalFeature.SCENE3D); // Prism's software pipeline
        worker.execute(() -> PrismPipeline.afterToolkit(configDir, drawsInSoftware));
        Background background = new Background(worker, Platform::runLater);
        preferences = new Preferences(settingsStore, settings, background);
        ThemeController theme = new ThemeController(settings.theme());
        preferences.settingsProperty().addListener((obs, old, now) -> theme.themeProperty().set(now.theme()));
        ringTone = new SynthesizedRingTone();

        // Signaling runs on its own thread, so a busy UI never delays a call's set-up; UI listeners hop to FX.
        client = new SignalingClient(SignalingConfig.defaults(serverUri, CLIENT_NAME), new FileSessionStore(configDir));
        SessionState session = new SessionState(client, Platform::runLater);
        MainWindow window = new MainWindow(stage, session, client::retryNow);
        CallViewModel.Factory callScreens = new CallViewModel.Factory(background, Clock.systemUTC(), callTicker,
                () -> screens.logOut());
        notifier = DesktopAlerts.notifier(env, Platform::runLater,
                new TrayCallNotifier(() -> trayMode == null ? Optional.empty() : trayMode.tray()));
        RingAlerts alerts = new RingAlerts(notifier, DesktopAlerts.attention(env, worker),
                () -> preferences.get().desktop().doNotDisturb(), () -> preferences.get().desktop().raiseOnRing(),
                window::bringToFront);
        CallCoordinator calls = new CallCoordinator(window, background, window::show,
                channel -> screens.channelsAfterCall(channel), ringTone, () -> preferences.get().ringSound(), files,
                callScreens, alerts);
        EngineDevices devices = new EngineDevices(() -> Optional.ofNullable(engine), () -> Optional.ofNullable(mediaEngine));
        String displayName = session.userProperty().get() == null ? "" : session.userProperty().get().displayName();
        CallEngineSettings engineSettings = new CallEngineSettings(
                MediaSettings.defaults(displayName).withCamera(settings.cameraChoice().orElse(null)),
                AudioMode.AUTO, settings.forceRelay(), downloadDir(configDir));
        // Starting libwebrtc probes the audio system and can take seconds: never on the FX thread.
        background.supply(() -> {
                    mediaEngine = MediaEngine.start(engineSettings.audioMode());
                    SavedDevices.apply(settings, mediaEngine);
                    return new CallEngine(client, mediaEngine, false, engineSettings, calls, Platform::runLater);
                })
                .whenComplete((started, error) -> {
                    if (error != null) {
                        calls.engineFailed(error);
                    } else {
                        started.controls().setForceRelay(preferences.get().forceRelay()); // changed while it started
                        engine = started;
                        calls.engineReady(started);
                    }
                });
        // Settings apply to the next call at once, and turning the ring off silences a ring in progress.
        preferences.settingsProperty().addListener((obs, old, now) -> {
            if (engine != null) {
                engine.controls().setForceRelay(now.forceRelay());
            }
            if (!now.ringSound()) {
                ringTone.stop();
            }
        });
        screens = new Screens(window, client, session, preferences, background, devices, calls,
                Autostart.forUser(env, System.getProperty("user.home")), files);

        Scene scene = new Scene(window.root(), 960, 680);
        theme.style(scene);
        screens.installShortcuts(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        trayMode = new TrayMode(stage, window, preferences, ownsToolkit ? Platform::exit : stage::hide);
        client.addListener(trayMode, Platform::runLater); // before the client starts: the sign-in's missed calls
        screens.start();
        client.start();
        trayMode.start(options.hidden(), worker);
        // Later starts hand their link (or just "show") to this one; a link the person chose raises the window.
        instance.running().ifPresent(running -> running.listen(message -> Platform.runLater(() -> {
            window.bringToFront();
            message.link().ifPresent(screens::openLink);
        })));
        options.link().ifPresent(screens::openLink);
        MacLinks.install(screens::openLink, worker);
        WindowsLinks.register(System.getProperty("os.name", ""), System.getProperty("jpackage.app-path"), worker);
    }

    @Override
    public void stop() {
        if (screens != null) {
            screens.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (mediaEngine != null) {
            mediaEngine.close();
        }
        if (client != null) {
            client.close();
        }
        if (ringTone != null) {
            ringTone.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (trayMode != null) {
            trayMode.close();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
        if (instance != null) {
            instance.running().ifPresent(RunningInstance::close);
        }
    }

    /** The ring tone the app plays; tests watch it start and stop with the call states. */
    public RingTone ringTone() {
        return ringTone;
    }

    /** The settings as they stand; tests read what a choice saved. */
    public Preferences preferences() {
        return preferences;
    }

    /** Received files go to ~/Downloads when it exists, else next to the settings. */
    private static Path downloadDir(ConfigDir configDir) {
        Path downloads = Path.of(System.getProperty("user.home"), "Downloads");
        return Files.isDirectory(downloads) ? downloads : configDir.resolve("downloads");
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
