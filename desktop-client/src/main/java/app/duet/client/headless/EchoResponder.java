package app.duet.client.headless;

import java.io.IOException;

import app.duet.client.call.CallEngine;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the echo bot sends back over the data channel: every chat message it receives, and every file once
 * it arrived whole. Its audio and video are the caller's own, forwarded by its media plan ({@link EchoMediaPlan}).
 */
final class EchoResponder {

    private static final Logger LOG = LoggerFactory.getLogger(EchoResponder.class);

    private final CallEngine engine;
    private final JsonLines out;

    EchoResponder(CallEngine engine, JsonLines out) {
        this.engine = engine;
        this.out = out;
    }

    void chat(ChatMessage message) {
        if (message.fromMe()) {
            return;
        }
        engine.controls().sendChat(message.text()).whenComplete((sent, error) -> {
            if (error != null) {
                LOG.warn("Could not echo a chat message", error);
            }
        });
    }

    void file(FileTransferUpdate update) {
        if (update.direction() != FileTransferUpdate.Direction.INCOMING
                || update.status() != FileTransferUpdate.Status.COMPLETED || update.savedTo() == null) {
            return;
        }
        try {
            String id = engine.controls().sendFile(update.savedTo());
            out.emit("echo_file", line -> {
                line.addProperty("name", update.fileName());
                line.addProperty("transferId", id);
            });
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not echo the file {}", update.fileName(), e);
        }
    }
}
