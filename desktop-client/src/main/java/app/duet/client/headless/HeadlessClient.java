package app.duet.client.headless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaPlan;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.headless.HeadlessOptions.MediaKind;
import app.duet.client.headless.HeadlessOptions.Mode;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.signaling.SignalingException;
import app.duet.protocol.ChannelInfo;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Result;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless run: connect, log in (or sign up), join or create the channel, start the call engine, play
 * the mode, then close everything in order. {@link #run()} blocks and returns the exit code;
 * {@link #stop()} (from a signal) ends the run early and waits until it has closed.
 */
public final class HeadlessClient {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessClient.class);
    static final String CLIENT_NAME = "duet-headless/0.1";
    private static final long CLOSE_WAIT_SECONDS = 20;
    private static final long LOGIN_RETRY_MILLIS = 1_000;

    private final HeadlessOptions options;
    private final String password;
    private final JsonLines out;
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duet-headless-events");
        t.setDaemon(true);
        return t;
    });
    private final CallDriver driver;
    private final CountDownLatch closed = new CountDownLatch(1);

    public HeadlessClient(HeadlessOptions options, String password, JsonLines out) {
        this.options = options;
        this.password = password;
        this.out = out;
        this.driver = new CallDriver(options, out, events);
    }

    public ExitCode run() {
        ExitCode code;
        try {
            code = runConnected();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = ExitCode.ERROR;
        } catch (IOException | RuntimeException e) {
            LOG.error("The headless client failed", e);
            code = ExitCode.ERROR;
        }
        ExitCode result = code;
        // Written before a waiting stop() is released: after a signal the JVM ends as soon as stop() returns.
        out.emit("exit", line -> {
            line.addProperty("code", result.code());
            line.addProperty("reason", result.label());
        });
        events.shutdownNow();
        closed.countDown();
        return result;
    }

    /** Ends the run as if its time were up and waits until everything is closed. */
    public void stop() {
        try {
            events.execute(driver::stop);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Stop requested after the run ended");
        }
        try {
            if (!closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The headless client did not close within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExitCode runConnected() throws InterruptedException, IOException {
        PeerPresence presence = new PeerPresence(options.channel, options.username);
        SignalingClient signaling = new SignalingClient(SignalingConfig.defaults(options.server, CLIENT_NAME),
                SessionStore.none(), events);
        try {
            signaling.addListener(new SignalingReporter(out, presence));
            ChannelEntry entry = new ChannelEntry(signaling, options.channel, options.admitRequests);
            signaling.start();
            ExitCode signedIn = signIn(signaling);
            if (signedIn != ExitCode.OK) {
                return signedIn;
            }
            // The engine listens before we enter the channel: a ring that follows our join must not be missed.
            try (CallEngine engine = CallEngine.start(signaling, engineSettings(), driver, events)) {
                ChannelInfo channel;
                try {
                    channel = entry.enter(options.invite, options.wait);
                } catch (SignalingException e) {
                    LOG.error("Could not enter channel {}: {}", options.channel, e.getMessage());
                    out.emit("channel_failed", line -> line.addProperty("message", e.getMessage()));
                    return e instanceof SignalingException.ServerError ? ExitCode.CHANNEL_FAILED
                            : ExitCode.SERVER_UNREACHABLE;
                }
                presence.initial(channel);
                out.emit("channel", line -> {
                    line.addProperty("name", channel.name());
                    line.addProperty("owner", channel.owner());
                    line.addProperty("peer", presence.peer());
                    line.addProperty("peerOnline", presence.whenOnline().isDone());
                });
                events.execute(() -> driver.start(engine, presence));
                out.emit("ready", line -> {
                    line.addProperty("user", options.username);
                    line.addProperty("channel", options.channel);
                    line.addProperty("mode", options.mode().name().toLowerCase(java.util.Locale.ROOT));
                });
                return await(driver.outcome());
            }
        } finally {
            signaling.close();
        }
    }

    private ExitCode signIn(SignalingClient signaling) throws InterruptedException {
        try {
            Result.Auth auth;
            try {
                auth = retrying(() -> signaling.login(options.username, password, false));
            } catch (SignalingException.ServerError e) {
                if (!options.signup || e.code() != ErrorCode.WRONG_CREDENTIALS) {
                    throw e;
                }
                LOG.info("Login refused; signing up {}", options.username);
                try {
                    auth = retrying(() -> signaling.signup(options.username, options.displayNameOrUser(),
                            options.emailOrDefault(), password, false));
                } catch (SignalingException.ServerError taken) {
                    // The account exists, so the login's answer (wrong password) is the one that matters.
                    throw taken.code() == ErrorCode.USERNAME_TAKEN ? e : taken;
                }
            }
            Result.Auth signedIn = auth;
            out.emit("logged_in", line -> {
                line.addProperty("user", signedIn.user().username());
                line.addProperty("displayName", signedIn.user().displayName());
            });
            return ExitCode.OK;
        } catch (SignalingException e) {
            boolean refused = e instanceof SignalingException.ServerError;
            LOG.error("Could not log in as {}: {}", options.username, e.getMessage());
            out.emit("login_failed", line -> {
                line.addProperty("code", e instanceof SignalingException.ServerError s ? s.code().name() : "NONE");
                line.addProperty("message", e.getMessage());
            });
            return refused ? ExitCode.LOGIN_FAILED : ExitCode.SERVER_UNREACHABLE;
        }
    }

    /**
     * Sends a login or signup, retrying for up to --wait while the server cannot be reached (a bot may start
     * before its server) or answers INTERNAL (protocol.md: retry later); the signaling client keeps
     * reconnecting with backoff in the meantime.
     */
    private Result.Auth retrying(Supplier<CompletableFuture<Result.Auth>> request) throws InterruptedException {
        long deadline = System.nanoTime() + options.wait.toNanos();
        while (true) {
            try {
                return await(request.get());
            } catch (SignalingException e) {
                boolean retryable = !(e instanceof SignalingException.ServerError server)
                        || server.code() == ErrorCode.INTERNAL;
                if (!retryable || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.info("{} Retrying.", e.getMessage());
                TimeUnit.MILLISECONDS.sleep(LOGIN_RETRY_MILLIS);
            }
        }
    }

    private CallEngineSettings engineSettings() throws IOException {
        VideoChoice video = options.synthetic ? VideoChoice.SYNTHETIC : VideoChoice.CAMERA;
        AudioChoice sound = options.synthetic ? AudioChoice.SYNTHETIC : AudioChoice.MICROPHONE;
        MediaSettings media = new MediaSettings(options.displayNameOrUser(), video, null, sound, null,
                options.width(), options.height(), options.fps,
                options.mode() == Mode.ECHO ? new EchoMediaPlan() : MediaPlan.ownMedia());
        Path downloads = options.downloadDir != null ? Files.createDirectories(options.downloadDir)
                : Files.createTempDirectory("duet-headless-");
        AudioMode audio = options.synthetic ? AudioMode.HEADLESS : AudioMode.AUTO;
        LOG.info("Media: {} {}x{}@{} ({}), downloads in {}", options.media, options.width(), options.height(),
                options.fps, options.synthetic ? "synthetic" : "devices when present", downloads);
        return new CallEngineSettings(options.media == MediaKind.AUDIO ? media.withVideo(VideoChoice.NONE) : media,
                audio, options.forceRelay, downloads);
    }

    /** The future's value; its failure rethrown unwrapped (a SignalingException stays one). */
    /** The future's value; a failure is rethrown as it is (a {@link SignalingException} stays one). */
    static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = SignalingClient.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }
}
