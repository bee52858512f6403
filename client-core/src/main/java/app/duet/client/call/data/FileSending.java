package app.duet.client.call.data;

import static app.duet.client.call.data.FileTransfers.CHUNK_SIZE;
import static app.duet.client.call.data.FileTransfers.ID_LENGTH;
import static app.duet.client.call.data.FileTransfers.PROGRESS_EVERY_CHUNKS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;

/**
 * Our side of files we send: offered with their SHA-256, streamed on the send executor once the far side
 * accepts, waiting while more than {@value #HIGH_WATER} bytes are buffered.
 */
final class FileSending {

    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 256 * 1024;

    private final TransferChannel channel;
    private final ExecutorService sendExecutor;
    private final Map<String, OutgoingFile> outgoing = new ConcurrentHashMap<>();

    FileSending(TransferChannel channel, ExecutorService sendExecutor) {
        this.channel = channel;
        this.sendExecutor = sendExecutor;
    }

    String send(Path file) throws IOException {
        long size = Files.size(file);
        if (size > FileTransfers.MAX_FILE_SIZE) {
            throw new IOException("files up to " + (FileTransfers.MAX_FILE_SIZE >> 30) + " GiB can be sent");
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, ID_LENGTH);
        OutgoingFile transfer = new OutgoingFile(file.getFileName().toString(), size, file);
        outgoing.put(id, transfer);
        sendExecutor.execute(() -> offer(id, transfer));
        return id;
    }

    /** Cancels the file {@code id} if we send it; false when it is not ours. */
    boolean cancel(String id) {
        OutgoingFile out = outgoing.get(id);
        if (out == null) {
            return false;
        }
        out.cancelled = true; // once streaming, the sending thread notices, tells the far side and reports
        if (!out.streaming && outgoing.remove(id) != null) {
            channel.sendControl(ControlMessage.fileCancel(id, "cancelled by sender"));
            report(id, out, 0, Status.CANCELLED, null);
        }
        return true;
    }

    /** Hashes the file and announces it; the bytes follow once the far side accepts. */
    private void offer(String id, OutgoingFile transfer) {
        try {
            String sha = Sha256.ofFile(transfer.file);
            if (outgoing.get(id) != transfer) {
                return; // cancelled while hashing
            }
            channel.requireLink().sendText(ControlMessage.fileStart(id, transfer.name, transfer.size, sha).toJson());
            report(id, transfer, 0, Status.OFFERED, null);
        } catch (IOException | DataLinkException e) {
            outgoing.remove(id);
            report(id, transfer, 0, Status.FAILED, "Sending failed: " + e.getMessage());
        }
    }

    void onAccepted(String id) {
        OutgoingFile out = outgoing.get(id);
        if (out == null) {
            channel.sendControl(ControlMessage.fileCancel(id, "cancelled by sender")); // it was, just before
            return;
        }
        if (!out.streaming) {
            out.streaming = true;
            sendExecutor.execute(() -> stream(id, out));
        }
    }

    void onDeclined(String id) {
        OutgoingFile out = outgoing.remove(id);
        if (out != null) {
            out.cancelled = true;
            report(id, out, 0, Status.DECLINED, null);
        }
    }

    private void stream(String id, OutgoingFile transfer) {
        long sent = 0;
        try (InputStream in = Files.newInputStream(transfer.file)) {
            DataLink link = channel.requireLink();
            byte[] chunk = new byte[CHUNK_SIZE];
            byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
            int chunks = 0;
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK_SIZE)) > 0; ) {
                if (transfer.cancelled) {
                    if (outgoing.remove(id) != null) { // cancelled here, not by the far side
                        link.sendText(ControlMessage.fileCancel(id, "cancelled by sender").toJson());
                        report(id, transfer, sent, Status.CANCELLED, null);
                    }
                    return;
                }
                if (link.bufferedAmount() > HIGH_WATER) {
                    link.awaitBufferedBelow(LOW_WATER);
                }
                byte[] frame = new byte[ID_LENGTH + n]; // exact size: send() transmits the whole array
                System.arraycopy(idBytes, 0, frame, 0, ID_LENGTH);
                System.arraycopy(chunk, 0, frame, ID_LENGTH, n);
                link.sendBinary(frame);
                sent += n;
                if (++chunks % PROGRESS_EVERY_CHUNKS == 0) {
                    report(id, transfer, sent, Status.IN_PROGRESS, null);
                }
            }
            link.sendText(ControlMessage.fileEnd(id).toJson());
            report(id, transfer, sent, Status.IN_PROGRESS, null);
        } catch (IOException | DataLinkException e) {
            outgoing.remove(id);
            report(id, transfer, sent, Status.FAILED, "Sending failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outgoing.remove(id);
            report(id, transfer, sent, Status.CANCELLED, null);
        }
    }

    /** The far side cancelled the file {@code id}; false when it is not one we send. */
    boolean onRemoteCancel(String id) {
        OutgoingFile out = outgoing.remove(id);
        if (out == null) {
            return false;
        }
        out.cancelled = true;
        report(id, out, 0, Status.CANCELLED, null);
        return true;
    }

    void onResult(String id, boolean ok, String reason) {
        OutgoingFile out = outgoing.remove(id);
        if (out != null) {
            report(id, out, ok ? out.size : 0, ok ? Status.COMPLETED : Status.FAILED,
                    ok ? null : "The receiver rejected the file: " + reason);
        }
    }

    /** Stops every file being sent; the sending thread drops what it holds. */
    void stopAll() {
        outgoing.forEach((id, out) -> out.cancelled = true);
    }

    private void report(String id, OutgoingFile file, long sent, Status status, String error) {
        channel.report(id, Direction.OUTGOING, file.name, sent, file.size, status, null, error);
    }
}
