package app.duet.client.headless;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import app.duet.client.call.CallEngine;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.headless.HeadlessOptions.Mode;

/**
 * What happens inside a call, for the {@link CallDriver}, as JSON lines: stats with frame counts and the audio
 * level, the first frame, the safety code, the far side's media; chat and files over the data channel (the
 * {@code --chat} and {@code --file} ones go out once it opens, every file offered is taken, the echo bot mirrors
 * them); and sharing the first screen with {@code --media screen}. Runs on the event thread, like the driver.
 */
final class InCallReporter {

    private final HeadlessOptions options;
    private final JsonLines out;
    private final ScheduledExecutorService events;
    private final CallEngine engine;
    private final FrameProbe probe;
    private final EchoResponder echo;
    private boolean firstFrameReported;
    private boolean dataSent;

    InCallReporter(HeadlessOptions options, JsonLines out, ScheduledExecutorService events, CallEngine engine) {
        this.options = options;
        this.out = out;
        this.events = events;
        this.engine = engine;
        this.probe = new FrameProbe(engine.controls().remoteVideo());
        this.echo = options.mode() == Mode.ECHO ? new EchoResponder(engine, out) : null;
    }

    /** A new call begins: its first frame and its data channel are still to come. */
    void restart() {
        firstFrameReported = false;
        dataSent = false;
        probe.restart();
    }

    /** A remote frame is ready; reported once per call, while {@code inCall}, as ms since {@code elapsedMs}. */
    void frameReady(boolean inCall, LongSupplier elapsedMs) {
        if (inCall && !firstFrameReported && probe.framesSinceRestart() > 0) {
            firstFrameReported = true;
            out.emit("first_frame", line -> line.addProperty("elapsedMs", elapsedMs.getAsLong()));
        }
    }

    void quality(CallQuality quality) {
        FrameProbe.Sample frames = probe.sample();
        double audio = engine.controls().remoteAudioLevel();
        out.emit("stats", line -> StatsLine.fill(line, quality, frames, audio));
    }

    void shareFirstScreen() {
        List<DisplayInfo> displays = engine.controls().displays();
        if (displays.isEmpty()) {
            out.emit("problem", line -> line.addProperty("message", "There is no screen to share; sending video."));
            return;
        }
        DisplayInfo display = displays.get(0);
        engine.controls().shareScreen(display).whenCompleteAsync((ok, error) -> out.emit("screen_share", line -> {
            line.addProperty("display", display.name());
            line.addProperty("width", display.width());
            line.addProperty("height", display.height());
            line.addProperty("ok", error == null);
        }), events);
    }

    void safetyCode(String code) {
        out.emit("safety_code", line -> line.addProperty("code", code));
    }

    void dataChannel(boolean open) {
        out.emit("data_channel", line -> line.addProperty("open", open));
        if (open && !dataSent) {
            dataSent = true;
            options.chat.forEach(text -> engine.controls().sendChat(text));
            options.files.forEach(this::sendFile);
        }
    }

    private void sendFile(Path file) {
        try {
            String id = engine.controls().sendFile(file);
            out.emit("file_sending", line -> {
                line.addProperty("name", file.getFileName().toString());
                line.addProperty("transferId", id);
            });
        } catch (IOException | IllegalStateException e) {
            out.emit("problem", line -> line.addProperty("message", "Could not send " + file + ": " + e.getMessage()));
        }
    }

    void chat(ChatMessage message) {
        out.emit("chat", line -> {
            line.addProperty("fromMe", message.fromMe());
            line.addProperty("text", message.text());
        });
        if (echo != null) {
            echo.chat(message);
        }
    }

    void fileTransfer(FileTransferUpdate update) {
        if (update.status() == FileTransferUpdate.Status.OFFERED) {
            // Nobody is there to ask: a headless client takes every file it is offered (within the limits).
            if (update.direction() == FileTransferUpdate.Direction.INCOMING) {
                engine.controls().acceptFile(update.transferId());
            }
            return;
        }
        if (update.status() != FileTransferUpdate.Status.IN_PROGRESS) {
            out.emit("file", line -> FileLine.fill(line, update));
        }
        if (echo != null) {
            echo.file(update);
        }
    }

    void remoteMedia(RemoteMediaState state) {
        out.emit("remote_media", line -> {
            line.addProperty("microphone", state.microphoneOn());
            line.addProperty("camera", state.cameraOn());
            line.addProperty("screen", state.screenSharing());
        });
    }
}
