package app.duet.client.ui;

import app.duet.client.testing.Invites;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.config.ConfigDir;
import app.duet.client.config.FileSessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.Closer;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.ui.call.FilePicker;
import app.duet.server.config.ServerConfig;

/**
 * The set-up of every UI test: the server, Duet windows, and the people at the other end — signaling clients, or
 * call engines on synthetic media as the headless client uses. A test registers it on an instance field
 * ({@code @RegisterExtension final UiRig rig = new UiRig(() -> temp);} next to a {@code @TempDir Path temp});
 * everything it made is closed in reverse order after each test (windows and clients before the server).
 */
final class UiRig implements AfterEachCallback {

    static final String PASSWORD = "correct horse";

    private final Supplier<Path> temp;
    private final Closer closer = new Closer();

    /** {@code temp} (the test's temp dir, read when first needed) takes the server's data and each person's files. */
    UiRig(Supplier<Path> temp) {
        this.temp = temp;
    }

    /** A server with the test defaults and its data in {@code temp}/server; stopped after what started later. */
    TestServer server() {
        return server(UnaryOperator.identity());
    }

    /** As above, with further settings (see {@link TestServer#start(Path, UnaryOperator)}). */
    TestServer server(UnaryOperator<ServerConfig.Builder> settings) {
        return server("server", settings);
    }

    /** As above, with its data in {@code temp}/{@code dir}: a second server of one test. */
    TestServer server(String dir, UnaryOperator<ServerConfig.Builder> settings) {
        return closeLater(TestServer.start(temp.get().resolve(dir), settings));
    }

    /** A Duet window on {@code server}, signed up as {@code user} and showing its channels. */
    UiClient signedUp(URI server, String user, String name) {
        return signedUp(server, user, name, FilePicker.chooser());
    }

    /** As above, sending the files {@code files} picks. */
    UiClient signedUp(URI server, String user, String name, FilePicker files) {
        UiClient ui = closeLater(UiClient.start(server, temp.get().resolve(user), files));
        signUp(ui, user, name);
        return ui;
    }

    /** A Duet window on {@code server}, on its first page. */
    UiClient window(URI server, String user) {
        return closeLater(UiClient.start(server, temp.get().resolve(user)));
    }

    static void signUp(UiClient ui, String user, String name) {
        ui.press("welcome-signup");
        ui.type("signup-username", user);
        ui.type("signup-display-name", name);
        ui.type("signup-email", user + "@example.org");
        ui.type("signup-password", PASSWORD);
        ui.type("signup-confirm", PASSWORD);
        ui.press("signup-submit");
        ui.awaitScreen("Channels");
    }

    /** Fills in the log-in form and submits it; the test then waits for what should follow. */
    static void logIn(UiClient ui, String user, String password) {
        ui.type("login-username", user);
        ui.type("login-password", password);
        ui.press("login-submit");
    }

    /** Creates {@code channel} and waits for its card, so that it exists on the server before anyone joins it. */
    static void createChannel(UiClient ui, String channel) {
        ui.type("channel-name", channel);
        ui.press("channel-create");
        ui.node("channel-" + channel);
    }

    /**
     * {@code owner} makes an invite link to its channel in the app's "Invite…" dialog and {@code joiner} pastes
     * it and joins: the one way a second window comes into a channel, as a person's does.
     */
    static void joinWithInvite(UiClient owner, UiClient joiner, String channel) {
        owner.press("channel-invite-" + channel);
        owner.press("invite-create");
        owner.awaitText("Link ready.");
        javafx.scene.control.TextField link = owner.node("invite-link");
        String text = UiClient.onFx(link::getText);
        owner.press("invite-close");
        joiner.type("channel-name", text);
        joiner.press("channel-join");
        joiner.awaitText("You joined \"" + channel + "\".");
    }

    /** A started signaling client keeping its session in its own folder; not signed in. */
    SignalingClient client(URI server, String user) {
        SignalingClient client = closeLater(new SignalingClient(SignalingConfig.defaults(server, "test/1"),
                new FileSessionStore(new ConfigDir(temp.get().resolve(user))), Runnable::run));
        client.start();
        return client;
    }

    /** A signaling client signed up as {@code user}. */
    SignalingClient signedUpClient(URI server, String user) throws Exception {
        SignalingClient client = client(server, user);
        client.signup(user, user, user + "@example.org", PASSWORD, false).get();
        return client;
    }

    /** A call engine of its own media engine, sending synthetic 320x240 video at 15 fps and a tone. */
    CallEngine engine(SignalingClient client, String user, CallEngineListener listener) {
        MediaEngine media = closeLater(MediaEngine.start(AudioMode.HEADLESS));
        CallEngineSettings settings = new CallEngineSettings(MediaSettings.synthetic(user).withSize(320, 240, 15),
                AudioMode.HEADLESS, false, temp.get().resolve(user + "-downloads"));
        return closeLater(new CallEngine(client, media, false, settings, listener, Runnable::run));
    }

    /**
     * A call engine (as {@link #engine}) of a person signed up as {@code user} who joined {@code channel} with an
     * invite from its {@code owner}, a person signed up here (password {@link #PASSWORD}).
     */
    CallEngine engineInChannel(URI server, String user, String owner, String channel, CallEngineListener listener)
            throws Exception {
        SignalingClient client = signedUpClient(server, user);
        Invites.join(client, server, owner, PASSWORD, channel);
        return engine(client, user, listener);
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        return closer.add(closeable);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closer.close();
    }
}
