package app.duet.client.call.data;

import static app.duet.client.call.data.FileTransfers.CHUNK_SIZE;
import static app.duet.client.call.data.FileTransfers.ID_LENGTH;
import static app.duet.client.call.data.FileTransfers.PROGRESS_EVERY_CHUNKS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side of files the far side sends: an offer waits for our person's answer; an accepted file is written
 * into the download folder and kept only when its size and SHA-256 match. Offers beyond
 * {@value #MAX_CONCURRENT_INCOMING} at once, or without room on the disk, are refused.
 */
final class FileReceiving {

    private static final Logger LOG = LoggerFactory.getLogger(FileReceiving.class);
    /**
     * Files offered or being received at once; more offers are refused so the far side can neither open
     * files nor pile up prompts without end.
     */
    static final int MAX_CONCURRENT_INCOMING = 4;
    /** Space left free on the download disk after accepting a file. */
    static final long DISK_RESERVE = 256L * 1024 * 1024;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final TransferChannel channel;
    private final Path downloadDir;
    private final Map<String, IncomingFile> incoming = new ConcurrentHashMap<>();
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();

    /** A file the far side announced, waiting for our person's answer. */
    private record Offer(String name, long size, String sha256) {
    }

    FileReceiving(TransferChannel channel, Path downloadDir) {
        this.channel = channel;
        this.downloadDir = downloadDir;
    }

    /** Our person accepts an offered file: it is received into the download folder. */
    void accept(String id) {
        Offer offer = offers.remove(id);
        if (offer == null) {
            return; // answered already, or the sender cancelled it meanwhile
        }
        try {
            incoming.put(id, new IncomingFile(downloadDir, offer.name(), offer.size(), offer.sha256()));
            channel.sendControl(ControlMessage.fileAccept(id));
            report(id, offer.name(), 0, offer.size(), Status.IN_PROGRESS, null, null);
        } catch (IOException e) {
            channel.sendControl(ControlMessage.fileResult(id, false, "receiver cannot store the file"));
            report(id, offer.name(), 0, offer.size(), Status.FAILED, null, "Cannot save the file: " + e.getMessage());
        }
    }

    /** Our person declines an offered file: the sender is told, nothing is written. */
    void decline(String id) {
        Offer offer = offers.remove(id);
        if (offer != null) {
            channel.sendControl(ControlMessage.fileDecline(id));
            report(id, offer.name(), 0, offer.size(), Status.DECLINED, null, null);
        }
    }

    /** Our person cancels: an offer is declined, a file being received is dropped and the sender told. */
    void cancel(String id) {
        if (offers.containsKey(id)) {
            decline(id);
            return;
        }
        IncomingFile in = incoming.remove(id);
        if (in != null) {
            in.discard();
            channel.sendControl(ControlMessage.fileCancel(id, "cancelled by receiver"));
            report(id, in.name(), in.received(), in.size(), Status.CANCELLED, null, null);
        }
    }

    void onStart(ControlMessage message) {
        String id = message.id();
        String name = safeName(message.name());
        Long size = message.size();
        if (name == null || size == null || size < 0 || size > FileTransfers.MAX_FILE_SIZE
                || message.sha256() == null || !SHA256_HEX.matcher(message.sha256()).matches()
                || incoming.containsKey(id) || offers.containsKey(id)) {
            channel.sendControl(ControlMessage.fileResult(id, false, "invalid file offer"));
            return;
        }
        if (incoming.size() + offers.size() >= MAX_CONCURRENT_INCOMING) {
            channel.sendControl(ControlMessage.fileResult(id, false, "too many files at once; try again later"));
            return;
        }
        if (!hasRoomFor(size)) {
            channel.sendControl(ControlMessage.fileResult(id, false, "not enough disk space at the receiver"));
            report(id, name, 0, size, Status.FAILED, null,
                    "Not enough disk space for " + name + " in " + downloadDir + ".");
            return;
        }
        offers.put(id, new Offer(name, size, message.sha256()));
        report(id, name, 0, size, Status.OFFERED, null, null);
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
            long progressStep = (long) CHUNK_SIZE * PROGRESS_EVERY_CHUNKS;
            if (before / progressStep != file.received() / progressStep) {
                report(id, file.name(), file.received(), file.size(), Status.IN_PROGRESS, null, null);
            }
        } catch (IOException e) {
            fail(id, file, e.getMessage());
        }
    }

    void onEnd(String id) {
        IncomingFile file = incoming.remove(id);
        if (file == null) {
            return;
        }
        try {
            Path saved = file.finish();
            channel.sendControl(ControlMessage.fileResult(id, true, null));
            report(id, file.name(), file.received(), file.size(), Status.COMPLETED, saved, null);
        } catch (IOException e) {
            incoming.put(id, file);
            fail(id, file, e.getMessage());
        }
    }

    private void fail(String id, IncomingFile file, String reason) {
        incoming.remove(id);
        file.discard();
        channel.sendControl(ControlMessage.fileResult(id, false, reason));
        report(id, file.name(), file.received(), file.size(), Status.FAILED, null, "Receiving failed: " + reason);
    }

    /** The far side cancelled a file it offered or was sending us. */
    void onRemoteCancel(String id) {
        Offer offer = offers.remove(id);
        if (offer != null) {
            report(id, offer.name(), 0, offer.size(), Status.CANCELLED, null, null);
            return;
        }
        IncomingFile in = incoming.remove(id);
        if (in != null) {
            in.discard();
            report(id, in.name(), in.received(), in.size(), Status.CANCELLED, null, null);
        }
    }

    /** The channel closed: every offer and unfinished file fails. */
    void linkClosed() {
        for (Map.Entry<String, Offer> entry : Map.copyOf(offers).entrySet()) {
            if (offers.remove(entry.getKey()) != null) {
                Offer offer = entry.getValue();
                report(entry.getKey(), offer.name(), 0, offer.size(), Status.FAILED, null,
                        "Receiving failed: the call ended");
            }
        }
        for (Map.Entry<String, IncomingFile> entry : Map.copyOf(incoming).entrySet()) {
            fail(entry.getKey(), entry.getValue(), "the call ended");
        }
    }

    /** Drops every unfinished file and offer without telling anyone (the call is closing). */
    void discardAll() {
        incoming.forEach((id, in) -> in.discard());
        incoming.clear();
        offers.clear();
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

    /** The bare file name from an offer, or null when it is no usable name (a path, control characters). */
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

    private void report(String id, String name, long received, long size, Status status, Path savedTo,
                        String error) {
        channel.report(id, Direction.INCOMING, name, received, size, status, savedTo, error);
    }
}
