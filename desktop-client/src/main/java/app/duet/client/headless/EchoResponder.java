package app.duet.client.headless;

import java.io.IOException;

import app.duet.client.call.CallEngine;
import app.duet.client.call.ChatMessage;
import app.duet.client.call.FileTransferUpdate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the echo bot sends back: every chat message it receives, and every file once it arrived whole. Its
 * audio and video are its own synthetic tone and test pattern: the call engine has no hook to feed
 * received frames or samples into an outgoing source (see docs/headless.md).
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
        engine.sendChat(message.text()).whenComplete((sent, error) -> {
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
            String id = engine.sendFile(update.savedTo());
            out.emit("echo_file", line -> {
                line.addProperty("name", update.fileName());
                line.addProperty("transferId", id);
            });
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Could not echo the file {}", update.fileName(), e);
        }
    }
}
