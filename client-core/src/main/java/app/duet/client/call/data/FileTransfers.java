package app.duet.client.call.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File transfer over the data channel, both directions. The sender announces a file ({@code file_start});
 * nothing is sent until the receiver's person accepts it ({@code file_accept}) — or declines it
 * ({@code file_decline}). A binary frame is an 8-byte transfer id followed by up to {@value #CHUNK_SIZE}
 * bytes. The sender waits while more than {@value #HIGH_WATER} bytes are buffered; the receiver checks
 * size and SHA-256 before keeping the file. Either side may cancel.
 */
public final class FileTransfers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTransfers.class);
    static final int ID_LENGTH = 8;
    static final int CHUNK_SIZE = 32 * 1024;
    static final long HIGH_WATER = 1024 * 1024;
    static final long LOW_WATER = 256 * 1024;
    public static final long MAX_FILE_SIZE = 4L * 1024 * 1024 * 1024;
    private static final int PROGRESS_EVERY_CHUNKS = 32;
    /**
     * Files offered or being received at once; more offers are refused so the far side can neither open
     * files nor pile up prompts without end.
     */
    static final int MAX_CONCURRENT_INCOMING = 4;
    /** Space left free on the download disk after accepting a file. */
    static final long DISK_RESERVE = 256L * 1024 * 1024;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{" + ID_LENGTH + "}");

    private final Supplier<DataLink> link;
    private final Consumer<FileTransferUpdate> updates;
    private final Path downloadDir;
    private final ExecutorService sendExecutor;
    private final Map<String, OutgoingFile> outgoing = new ConcurrentHashMap<>();
    private final Map<String, IncomingFile> incoming = new ConcurrentHashMap<>();
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();

    /** A file the far side announced, waiting for our person's answer. */
    private record Offer(String name, long size, String sha256) {
    }

    FileTransfers(Supplier<DataLink> link, Consumer<FileTransferUpdate> updates, Path downloadDir,
                  ExecutorService sendExecutor) {
        this.link = link;
        this.updates = updates;
        this.downloadDir = downloadDir;
        this.sendExecutor = sendExecutor;
    }

    /** Offers {@code file} to the far side; progress and the outcome arrive as updates. Returns the transfer id. */
    public String send(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw new IOException("files up to " + (MAX_FILE_SIZE >> 30) + " GiB can be sent");
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, ID_LENGTH);
        OutgoingFile transfer = new OutgoingFile(file.getFileName().toString(), size, file);
        outgoing.put(id, transfer);
        sendExecutor.execute(() -> offer(id, transfer));
        return id;
    }

    /** Cancels a transfer in either direction and tells the far side; an incoming offer is declined. */
    public void cancel(String id) {
        OutgoingFile out = outgoing.get(id);
        if (out != null) {
            out.cancelled = true; // once streaming, the sending thread notices, tells the far side and reports
            if (!out.streaming && outgoing.remove(id) != null) {
                sendControl(ControlMessage.fileCancel(id, "cancelled by sender"));
                report(id, Direction.OUTGOING, out.name, 0, out.size, Status.CANCELLED, null, null);
            }
            return;
        }
        if (offers.containsKey(id)) {
            decline(id);
            return;
        }
        IncomingFile in = incoming.remove(id);
        if (in != null) {
            in.discard();
            sendControl(ControlMessage.fileCancel(id, "cancelled by receiver"));
            report(id, Direction.INCOMING, in.name(), in.received(), in.size(), Status.CANCELLED, null, null);
        }
    }

    /** Our person accepts an offered file: it is received into the download folder. */
    public void accept(String id) {
        Offer offer = offers.remove(id);
        if (offer == null) {
            return; // answered already, or the sender cancelled it meanwhile
        }
        try {
            incoming.put(id, new IncomingFile(downloadDir, offer.name(), offer.size(), offer.sha256()));
            sendControl(ControlMessage.fileAccept(id));
            report(id, Direction.INCOMING, offer.name(), 0, offer.size(), Status.IN_PROGRESS, null, null);
        } catch (IOException e) {
            sendControl(ControlMessage.fileResult(id, false, "receiver cannot store the file"));
            report(id, Direction.INCOMING, offer.name(), 0, offer.size(), Status.FAILED, null,
                    "Cannot save the file: " + e.getMessage());
        }
    }

    /** Our person declines an offered file: the sender is told, nothing is written. */
    public void decline(String id) {
        Offer offer = offers.remove(id);
        if (offer != null) {
            sendControl(ControlMessage.fileDecline(id));
            report(id, Direction.INCOMING, offer.name(), 0, offer.size(), Status.DECLINED, null, null);
        }
    }

    /** Hashes the file and announces it; the bytes follow once the far side accepts. */
    private void offer(String id, OutgoingFile transfer) {
        try {
            String sha = Sha256.ofFile(transfer.file);
            if (outgoing.get(id) != transfer) {
                return; // cancelled while hashing
            }
            requireLink().sendText(ControlMessage.fileStart(id, transfer.name, transfer.size, sha).toJson());
            report(id, Direction.OUTGOING, transfer.name, 0, transfer.size, Status.OFFERED, null, null);
        } catch (IOException | DataLinkException e) {
            outgoing.remove(id);
            report(id, Direction.OUTGOING, transfer.name, 0, transfer.size, Status.FAILED, null,
                    "Sending failed: " + e.getMessage());
        }
    }

    private void onAccepted(String id) {
        OutgoingFile out = outgoing.get(id);
        if (out == null) {
            sendControl(ControlMessage.fileCancel(id, "cancelled by sender")); // it was, just before the answer
            return;
        }
        if (!out.streaming) {
            out.streaming = true;
            sendExecutor.execute(() -> stream(id, out));
        }
    }

    private void onDeclined(String id) {
        OutgoingFile out = outgoing.remove(id);
        if (out != null) {
            out.cancelled = true;
            report(id, Direction.OUTGOING, out.name, 0, out.size, Status.DECLINED, null, null);
        }
    }

    private void stream(String id, OutgoingFile transfer) {
        long sent = 0;
        try (InputStream in = Files.newInputStream(transfer.file)) {
            DataLink channel = requireLink();
            byte[] chunk = new byte[CHUNK_SIZE];
            byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
            int chunks = 0;
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK_SIZE)) > 0; ) {
                if (transfer.cancelled) {
                    if (outgoing.remove(id) != null) { // cancelled here, not by the far side
                        channel.sendText(ControlMessage.fileCancel(id, "cancelled by sender").toJson());
                        report(id, Direction.OUTGOING, transfer.name, sent, transfer.size, Status.CANCELLED, null, null);
                    }
                    return;
                }
                if (channel.bufferedAmount() > HIGH_WATER) {
                    channel.awaitBufferedBelow(LOW_WATER);
                }
                byte[] frame = new byte[ID_LENGTH + n]; // exact size: send() transmits the whole array
                System.arraycopy(idBytes, 0, frame, 0, ID_LENGTH);
                System.arraycopy(chunk, 0, frame, ID_LENGTH, n);
                channel.sendBinary(frame);
                sent += n;
                if (++chunks % PROGRESS_EVERY_CHUNKS == 0) {
                    report(id, Direction.OUTGOING, transfer.name, sent, transfer.size, Status.IN_PROGRESS, null, null);
                }
            }
            channel.sendText(ControlMessage.fileEnd(id).toJson());
            report(id, Direction.OUTGOING, transfer.name, sent, transfer.size, Status.IN_PROGRESS, null, null);
        } catch (IOException | DataLinkException e) {
            outgoing.remove(id);
            report(id, Direction.OUTGOING, transfer.name, sent, transfer.size, Status.FAILED, null,
                    "Sending failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outgoing.remove(id);
            report(id, Direction.OUTGOING, transfer.name, sent, transfer.size, Status.CANCELLED, null, null);
        }
    }

    void onControl(ControlMessage message) {
        String id = message.id();
        if (id == null || !ID.matcher(id).matches()) {
            LOG.debug("Ignoring a file message without a valid id");
            return;
        }
        switch (message.type()) {
            case ControlMessage.FILE_START -> onStart(message);
            case ControlMessage.FILE_END -> onEnd(id);
            case ControlMessage.FILE_CANCEL -> onRemoteCancel(id);
            case ControlMessage.FILE_RESULT -> onResult(id, Boolean.TRUE.equals(message.ok()), message.reason());
            case ControlMessage.FILE_ACCEPT -> onAccepted(id);
            case ControlMessage.FILE_DECLINE -> onDeclined(id);
            default -> LOG.debug("Ignoring file message {}", message.type());
        }
    }

    private void onStart(ControlMessage message) {
        String id = message.id();
        String name = safeName(message.name());
        Long size = message.size();
        if (name == null || size == null || size < 0 || size > MAX_FILE_SIZE || message.sha256() == null
                || !SHA256_HEX.matcher(message.sha256()).matches() || incoming.containsKey(id)
                || offers.containsKey(id)) {
            sendControl(ControlMessage.fileResult(id, false, "invalid file offer"));
            return;
        }
        if (incoming.size() + offers.size() >= MAX_CONCURRENT_INCOMING) {
            sendControl(ControlMessage.fileResult(id, false, "too many files at once; try again later"));
            return;
        }
        if (!hasRoomFor(size)) {
            sendControl(ControlMessage.fileResult(id, false, "not enough disk space at the receiver"));
            report(id, Direction.INCOMING, name, 0, size, Status.FAILED, null,
                    "Not enough disk space for " + name + " in " + downloadDir + ".");
            return;
        }
        offers.put(id, new Offer(name, size, message.sha256()));
        report(id, Direction.INCOMING, name, 0, size, Status.OFFERED, null, null);
    }

    void onChunk(byte[] frame) {
        if (frame.length < ID_LENGTH) {
            return;
        }
        String id = new String(frame, 0, ID_LENGTH, StandardCharsets.US_ASCII);
        IncomingFile file = incoming.get(id);
        if (file == null) {
            return; // cancelled or unknown: drop silently, the sender learns from the cancel message
        }
        try {
            long before = file.received();
            file.write(frame, ID_LENGTH, frame.length - ID_LENGTH);
            if (before / (CHUNK_SIZE * PROGRESS_EVERY_CHUNKS) != file.received() / (CHUNK_SIZE * PROGRESS_EVERY_CHUNKS)) {
                report(id, Direction.INCOMING, file.name(), file.received(), file.size(), Status.IN_PROGRESS, null, null);
            }
        } catch (IOException e) {
            fail(id, file, e.getMessage());
        }
    }

    private void onEnd(String id) {
        IncomingFile file = incoming.remove(id);
        if (file == null) {
            return;
        }
        try {
            Path saved = file.finish();
            sendControl(ControlMessage.fileResult(id, true, null));
            report(id, Direction.INCOMING, file.name(), file.received(), file.size(), Status.COMPLETED, saved, null);
        } catch (IOException e) {
            incoming.put(id, file);
            fail(id, file, e.getMessage());
        }
    }

    private void fail(String id, IncomingFile file, String reason) {
        incoming.remove(id);
        file.discard();
        sendControl(ControlMessage.fileResult(id, false, reason));
        report(id, Direction.INCOMING, file.name(), file.received(), file.size(), Status.FAILED, null,
                "Receiving failed: " + reason);
    }

    private void onRemoteCancel(String id) {
        OutgoingFile out = outgoing.remove(id);
        if (out != null) {
            out.cancelled = true;
            report(id, Direction.OUTGOING, out.name, 0, out.size, Status.CANCELLED, null, null);
            return;
        }
        Offer offer = offers.remove(id);
        if (offer != null) {
            report(id, Direction.INCOMING, offer.name(), 0, offer.size(), Status.CANCELLED, null, null);
            return;
        }
        IncomingFile in = incoming.remove(id);
        if (in != null) {
            in.discard();
            report(id, Direction.INCOMING, in.name(), in.received(), in.size(), Status.CANCELLED, null, null);
        }
    }

    private void onResult(String id, boolean ok, String reason) {
        OutgoingFile out = outgoing.remove(id);
        if (out == null) {
            return;
        }
        report(id, Direction.OUTGOING, out.name, ok ? out.size : 0, out.size, ok ? Status.COMPLETED : Status.FAILED,
                null, ok ? null : "The receiver rejected the file: " + reason);
    }

    /** The channel closed: every unfinished transfer fails. */
    void linkClosed() {
        outgoing.forEach((id, out) -> out.cancelled = true);
        for (Map.Entry<String, Offer> entry : Map.copyOf(offers).entrySet()) {
            if (offers.remove(entry.getKey()) != null) {
                Offer offer = entry.getValue();
                report(entry.getKey(), Direction.INCOMING, offer.name(), 0, offer.size(), Status.FAILED, null,
                        "Receiving failed: the call ended");
            }
        }
        for (Map.Entry<String, IncomingFile> entry : Map.copyOf(incoming).entrySet()) {
            fail(entry.getKey(), entry.getValue(), "the call ended");
        }
    }

    private boolean hasRoomFor(long size) {
        try {
            Path existing = downloadDir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null || Files.getFileStore(existing).getUsableSpace() - size > DISK_RESERVE;
        } catch (IOException e) {
            LOG.warn("Cannot check free space in {}", downloadDir, e);
            return true; // writing will fail cleanly if the disk is really full
        }
    }

    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..") || base.length() > 255) {
            return null;
        }
        return base;
    }

    private void sendControl(ControlMessage message) {
        DataLink channel = link.get();
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.sendText(message.toJson());
        } catch (DataLinkException e) {
            LOG.warn("Could not send {}: {}", message.type(), e.getMessage());
        }
    }

    private DataLink requireLink() throws DataLinkException {
        DataLink channel = link.get();
        if (channel == null) {
            throw new DataLinkException("the call has no data channel");
        }
        return channel;
    }

    private void report(String id, Direction direction, String name, long done, long total, Status status,
                        Path savedTo, String error) {
        updates.accept(new FileTransferUpdate(id, direction, name, done, total, status, savedTo, error));
    }

    @Override
    public void close() {
        outgoing.forEach((id, out) -> out.cancelled = true);
        incoming.forEach((id, in) -> in.discard());
        incoming.clear();
        offers.clear();
    }
}
