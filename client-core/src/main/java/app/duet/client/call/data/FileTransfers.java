package app.duet.client.call.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import app.duet.client.call.model.FileTransferUpdate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfer over the data channel, both directions. The sender announces a file ({@code file_start});
 * nothing is sent until the receiver's person accepts it ({@code file_accept}) — or declines it
 * ({@code file_decline}). A binary frame is an 8-byte transfer id followed by up to {@value #CHUNK_SIZE}
 * bytes. The sender waits while too many bytes are buffered ({@link FileSending}); the receiver checks size
 * and SHA-256 before keeping the file ({@link FileReceiving}). Either side may cancel.
 */
public final class FileTransfers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTransfers.class);
    static final int ID_LENGTH = 8;
    static final int CHUNK_SIZE = 32 * 1024;
    public static final long MAX_FILE_SIZE = 4L * 1024 * 1024 * 1024;
    static final int PROGRESS_EVERY_CHUNKS = 32;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    private final FileSending sending;
    private final FileReceiving receiving;

    FileTransfers(Supplier<DataLink> link, Consumer<FileTransferUpdate> updates, Path downloadDir,
                  ExecutorService sendExecutor) {
        TransferChannel channel = new TransferChannel(link, updates);
        this.sending = new FileSending(channel, sendExecutor);
        this.receiving = new FileReceiving(channel, downloadDir);
    }

    /** Offers {@code file} to the far side; progress and the outcome arrive as updates. Returns the transfer id. */
    public String send(Path file) throws IOException {
        return sending.send(file);
    }

    /** Cancels a transfer in either direction and tells the far side; an incoming offer is declined. */
    public void cancel(String id) {
        if (!sending.cancel(id)) {
            receiving.cancel(id);
        }
    }

    /** Our person accepts an offered file: it is received into the download folder. */
    public void accept(String id) {
        receiving.accept(id);
    }

    /** Our person declines an offered file: the sender is told, nothing is written. */
    public void decline(String id) {
        receiving.decline(id);
    }

    void onControl(ControlMessage message) {
        String id = message.id();
        if (id == null || !ID.matcher(id).matches()) {
            LOG.debug("Ignoring a file message without a valid id");
            return;
        }
        switch (message.type()) {
            case ControlMessage.FILE_START -> receiving.onStart(message);
            case ControlMessage.FILE_END -> receiving.onEnd(id);
            case ControlMessage.FILE_CANCEL -> {
                if (!sending.onRemoteCancel(id)) {
                    receiving.onRemoteCancel(id);
                }
            }
            case ControlMessage.FILE_RESULT -> sending.onResult(id, Boolean.TRUE.equals(message.ok()),
                    message.reason());
            case ControlMessage.FILE_ACCEPT -> sending.onAccepted(id);
            case ControlMessage.FILE_DECLINE -> sending.onDeclined(id);
            default -> LOG.debug("Ignoring file message {}", message.type());
        }
    }

    void onChunk(byte[] frame) {
        receiving.onChunk(frame);
    }

    /** The channel closed: every unfinished transfer fails. */
    void linkClosed() {
        sending.stopAll();
        receiving.linkClosed();
    }

    @Override
    public void close() {
        sending.stopAll();
        receiving.discardAll();
    }
}
