package app.duet.client.headless;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.CallEnd;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.IncomingCall;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.headless.HeadlessOptions.MediaKind;
import app.duet.client.headless.HeadlessOptions.Mode;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingException;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the chosen mode (call, answer, decline, echo, idle) on the call engine and reports every call event
 * as a JSON line. Everything runs on the single event thread, so the fields need no locks. The run's
 * {@link #outcome()} completes once with the exit code.
 */
final class CallDriver implements CallEngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(CallDriver.class);

    private final HeadlessOptions options;
    private final JsonLines out;
    private final ScheduledExecutorService events;
    private final CompletableFuture<ExitCode> outcome = new CompletableFuture<>();
    private CallEngine engine;
    private InCallReporter inCall;
    private boolean handledCall;
    private IncomingCall pendingIncoming;
    // The current call:
    private String callId;
    private long callStartNanos;
    private boolean accepted;
    private boolean connected;
    private ScheduledFuture<?> waitTimer;
    private ScheduledFuture<?> connectTimer;
    private ScheduledFuture<?> durationTimer;

    CallDriver(HeadlessOptions options, JsonLines out, ScheduledExecutorService events) {
        this.options = options;
        this.out = out;
        this.events = events;
    }

    CompletableFuture<ExitCode> outcome() {
        return outcome;
    }

    /** Starts the mode; call on the event thread. */
    void start(CallEngine callEngine, PeerPresence presence) {
        this.engine = callEngine;
        this.inCall = new InCallReporter(options, out, events, callEngine);
        callEngine.controls().remoteVideo().setReadyListener(
                () -> events.execute(() -> inCall.frameReady(callId != null, this::elapsedMs)));
        switch (options.mode()) {
            case CALL -> {
                waitTimer = schedule(options.wait, () -> finish(ExitCode.PEER_ABSENT,
                        "The other member did not come online within " + options.wait.toSeconds() + " s."));
                presence.whenOnline().thenAcceptAsync(peer -> ring(), events);
            }
            case ANSWER, DECLINE -> waitTimer = schedule(options.wait, () -> finish(ExitCode.NO_CALL,
                    "No call came within " + options.wait.toSeconds() + " s."));
            case IDLE -> {
                if (options.duration != null) {
                    waitTimer = schedule(options.duration, () -> finish(ExitCode.OK, null));
                }
            }
            case ECHO -> LOG.info("Echo bot ready in channel {}", options.channel);
        }
        if (pendingIncoming != null) {
            incomingCall(pendingIncoming);
            pendingIncoming = null;
        }
    }

    /** A shutdown was requested (signal): hang up and finish successfully. Call on the event thread. */
    void stop() {
        if (callId != null) {
            engine.hangup();
        }
        finish(ExitCode.OK, null);
    }

    // ---- call control ----

    private void ring() {
        if (outcome.isDone()) {
            return;
        }
        cancel(waitTimer);
        beginCall(null);
        out.emit("ringing", line -> line.addProperty("channel", options.channel));
        engine.ring(options.channel, options.media != MediaKind.AUDIO).whenCompleteAsync((id, error) -> {
            if (error == null) {
                callId = id;
                out.emit("ring_sent", line -> line.addProperty("callId", id));
                return;
            }
            Throwable cause = SignalingClient.unwrap(error);
            ErrorCode code = cause instanceof SignalingException.ServerError e ? e.code() : null;
            ExitCode exit = code == ErrorCode.PEER_BUSY ? ExitCode.BUSY
                    : code == ErrorCode.PEER_OFFLINE ? ExitCode.PEER_ABSENT : ExitCode.CALL_FAILED;
            out.emit("ring_failed", line -> {
                line.addProperty("code", code == null ? "NONE" : code.name());
                line.addProperty("message", cause.getMessage());
            });
            finish(exit, cause.getMessage());
        }, events);
    }

    @Override
    public void incomingCall(IncomingCall call) {
        if (engine == null) { // rang while we were still entering the channel: handled once the mode starts
            pendingIncoming = call;
            return;
        }
        out.emit("incoming", line -> {
            line.addProperty("callId", call.callId());
            line.addProperty("channel", call.channel());
            line.addProperty("from", call.callerUsername());
            line.addProperty("video", call.video());
        });
        Mode mode = options.mode();
        if (mode == Mode.DECLINE && !handledCall) {
            handledCall = true;
            cancel(waitTimer);
            engine.decline().whenCompleteAsync((ok, error) -> finish(
                    error == null ? ExitCode.OK : ExitCode.ERROR,
                    error == null ? null : SignalingClient.unwrap(error).getMessage()), events);
        } else if ((mode == Mode.ANSWER && !handledCall) || mode == Mode.ECHO) {
            handledCall = true;
            cancel(waitTimer);
            beginCall(call.callId());
            accept(call);
        }
    }

    /** The bot mirrors the call's media; an answerer with {@code --media audio} never sends video. */
    private void accept(IncomingCall call) {
        boolean video = call.video() && (options.mode() == Mode.ECHO || options.media != MediaKind.AUDIO);
        engine.accept(video ? Media.VIDEO : Media.AUDIO).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                out.emit("problem", line -> line.addProperty("message",
                        "Could not accept: " + SignalingClient.unwrap(error).getMessage()));
            }
        }, events);
    }

    private void beginCall(String id) {
        callId = id;
        callStartNanos = System.nanoTime();
        accepted = false;
        connected = false;
        inCall.restart();
    }

    private void hangUp(String why) {
        out.emit("hangup", line -> line.addProperty("why", why));
        engine.hangup();
    }

    // ---- engine events ----

    @Override
    public void stateChanged(CallState state) {
        out.emit("call_state", line -> {
            line.addProperty("state", state.name().toLowerCase(Locale.ROOT));
            line.addProperty("callId", callId);
            line.addProperty("elapsedMs", elapsedMs());
        });
        if (state == CallState.ACCEPTED) {
            accepted = true;
        }
        if (state == CallState.ACCEPTED && connectTimer == null) {
            connectTimer = schedule(options.connectTimeout, () -> {
                if (options.mode() != Mode.ECHO) { // the bot only drops this call and waits for the next
                    finish(ExitCode.CALL_FAILED, "Media did not connect within "
                            + options.connectTimeout.toSeconds() + " s.");
                }
                hangUp("connect_timeout");
            });
        } else if (state == CallState.CONNECTED && !connected) {
            connected = true;
            cancel(connectTimer);
            out.emit("connected", line -> line.addProperty("setupMs", elapsedMs()));
            if (options.duration != null && options.mode() != Mode.IDLE) {
                durationTimer = schedule(options.duration, () -> hangUp("duration"));
            }
            if (options.media == MediaKind.SCREEN) {
                inCall.shareFirstScreen();
            }
        }
    }

    @Override
    public void callEnded(String id, CallEnd how) {
        cancel(connectTimer);
        cancel(durationTimer);
        connectTimer = null;
        boolean wasConnected = connected;
        boolean wasAccepted = accepted;
        out.emit("call_ended", line -> {
            line.addProperty("callId", id);
            line.addProperty("reason", how.name().toLowerCase(Locale.ROOT));
            line.addProperty("connected", wasConnected);
            line.addProperty("elapsedMs", elapsedMs());
        });
        callId = null;
        accepted = false;
        connected = false;
        Mode mode = options.mode();
        if (mode == Mode.ECHO || mode == Mode.IDLE || (mode == Mode.DECLINE && how == CallEnd.LOCAL_HANGUP)) {
            return; // the bot and the idle client stay; a declined ring finishes through decline()
        }
        finish(ExitCode.afterCall(how, wasAccepted, wasConnected), null);
    }

    // ---- inside the call ----

    @Override
    public void quality(CallQuality quality) {
        inCall.quality(quality);
    }

    @Override
    public void safetyCode(String code) {
        inCall.safetyCode(code);
    }

    @Override
    public void dataChannel(boolean open) {
        inCall.dataChannel(open);
    }

    @Override
    public void chat(ChatMessage message) {
        inCall.chat(message);
    }

    @Override
    public void fileTransfer(FileTransferUpdate update) {
        inCall.fileTransfer(update);
    }

    @Override
    public void remoteMedia(RemoteMediaState state) {
        inCall.remoteMedia(state);
    }

    @Override
    public void problem(String message) {
        out.emit("problem", line -> line.addProperty("message", message));
    }

    // ---- helpers ----

    private void finish(ExitCode code, String message) {
        if (outcome.isDone()) {
            return;
        }
        if (message != null) {
            LOG.info("{}", message);
        }
        outcome.complete(code);
    }

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - callStartNanos);
    }

    private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return events.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
