package app.duet.client.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import app.duet.client.App;
import app.duet.client.ui.common.TimelineTicker;
import app.duet.client.ClientOptions;
import app.duet.client.sound.RingTone;
import app.duet.client.ui.call.FilePicker;

/**
 * One real Duet window in this JVM: the real {@link App} composition root with its own config dir, driven
 * through its nodes (by id) on the FX thread. Several can run side by side, as two people would.
 */
public final class UiClient implements AutoCloseable {
    private final App app;
    private final Stage stage;
    private final CountingTicker callTicker;
    private boolean closed;

    private UiClient(App app, Stage stage, CountingTicker callTicker) {
        this.app = app;
        this.stage = stage;
        this.callTicker = callTicker;
    }

    public static UiClient start(URI server, Path configDir, double width, double height) {
        return start(server, configDir, width, height, FilePicker.chooser());
    }

    /** A window whose "Send a file" takes what {@code files} picks instead of asking in a dialog. */
    public static UiClient start(URI server, Path configDir, double width, double height, FilePicker files) {
        return start(server, configDir, width, height, files, withoutSessionBus());
    }

    /** This JVM's environment less its session bus: a test's window never notifies the developer's desktop. */
    private static java.util.Map<String, String> withoutSessionBus() {
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        return env;
    }

    /** A window in the desktop session {@code env} describes, e.g. a private session bus's address. */
    public static UiClient start(URI server, Path configDir, double width, double height, FilePicker files,
                                 java.util.Map<String, String> env) {
        try {
            FxToolkit.registerPrimaryStage();
            AtomicReference<UiClient> started = new AtomicReference<>();
            FxToolkit.setupFixture(() -> {
                CountingTicker callTicker = new CountingTicker(new TimelineTicker(App.CALL_SCREEN_TICK));
                App app = new App(new ClientOptions(server.toString(), configDir), files, callTicker, env);
                app.init();
                Stage stage = new Stage();
                app.start(stage);
                stage.setWidth(width);
                stage.setHeight(height);
                started.set(new UiClient(app, stage, callTicker));
            });
            return started.get();
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
    }

    public static UiClient start(URI server, Path configDir) {
        return start(server, configDir, FilePicker.chooser());
    }

    public static UiClient start(URI server, Path configDir, FilePicker files) {
        return start(server, configDir, 960, 680, files);
    }

    public App app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    /** The call screen's ticker: how many are running tells whether a call screen was left behind. */
    public CountingTicker callTicker() {
        return callTicker;
    }

    /** The app's real ring tone (silent here: the machine has no sound device), to watch it start and stop. */
    public RingTone ringTone() {
        return app.ringTone();
    }

    /** Waits until the ring tone plays {@code tone}, or nothing when {@code tone} is null. */
    public void awaitRing(RingTone.Tone tone) {
        await().atMost(Waits.UI).until(() -> ringTone().playing().orElse(null) == tone);
    }

    public Parent root() {
        return stage.getScene().getRoot();
    }

    /** The node with this id, once it is in the window. */
    @SuppressWarnings("unchecked")
    public <T extends Node> T node(String id) {
        await().atMost(Waits.UI).until(() -> onFx(() -> find(id).isPresent()));
        return (T) onFx(() -> find(id).orElseThrow());
    }

    public boolean has(String id) {
        return onFx(() -> find(id).filter(Node::isVisible).isPresent());
    }

    public void type(String id, String text) {
        TextInputControl field = node(id);
        run(() -> field.setText(text));
    }

    public void press(String id) {
        ButtonBase button = node(id);
        await().atMost(Waits.UI).until(() -> onFx(() -> !button.isDisabled()));
        run(button::fire);
    }

    public String text(String id) {
        Labeled labeled = node(id);
        return onFx(labeled::getText);
    }

    public String title() {
        return onFx(stage::getTitle);
    }

    /** Waits until the window title starts with {@code screenTitle}, i.e. that screen is shown. */
    public void awaitScreen(String screenTitle) {
        await().atMost(Waits.UI).until(() -> title().startsWith(screenTitle + " "));
    }

    /** The id of the control that has the keyboard focus, or "" (none, or one without an id). */
    public String focusedId() {
        return onFx(() -> {
            Node owner = stage.getScene().getFocusOwner();
            return owner == null || owner.getId() == null ? "" : owner.getId();
        });
    }

    /** All text in the window (labels, messages, buttons), for "the user can read X" assertions. */
    public String visibleText() {
        return onFx(() -> TextCollector.collect(root()));
    }

    public void awaitText(String text) {
        await().atMost(Waits.UI).until(() -> visibleText().contains(text));
    }

    public void run(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T onFx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    /** Stops the app and closes its window; again does nothing. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            FxToolkit.setupFixture(() -> {
                app.stop();
                stage.close();
            });
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not stop the app", e);
        }
    }

    private Optional<Node> find(String id) {
        return Optional.ofNullable(root().lookup("#" + id));
    }
}
