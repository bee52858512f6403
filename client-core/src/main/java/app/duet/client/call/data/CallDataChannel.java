package app.duet.client.call.data;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.RemoteMediaState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol on the call's data channel: chat lines, media-state announcements and file transfers.
 * Text frames carry {@link ControlMessage} JSON; binary frames carry file chunks.
 */
public final class CallDataChannel implements DataLink.Handler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallDataChannel.class);
    public static final int MAX_CHAT_LENGTH = 4_000;

    private final DataEvents events;
    private final Clock clock;
    private final FileTransfers files;
    private final MessageRateLimit chatLimit = new MessageRateLimit(System::nanoTime);
    private long droppedChats;
    private DataLink link;
    private RemoteMediaState lastAnnounced;

    public CallDataChannel(DataEvents events, Clock clock, Path downloadDir, ExecutorService fileSendExecutor) {
        this.events = events;
        this.clock = clock;
        this.files = new FileTransfers(this::link, events::fileTransfer, downloadDir, fileSendExecutor);
    }

    /** Binds the link; called once, right after the channel is created. */
    public void bind(DataLink dataLink) {
        this.link = dataLink;
    }

    private DataLink link() {
        return link;
    }

    public boolean isOpen() {
        return link != null && link.isOpen();
    }

    public ChatMessage sendChat(String text) throws DataLinkException {
        if (text.isBlank() || text.length() > MAX_CHAT_LENGTH) {
            throw new IllegalArgumentException("chat messages are 1 to " + MAX_CHAT_LENGTH + " characters");
        }
        Instant now = clock.instant();
        requireLink().sendText(ControlMessage.chat(text, now.toEpochMilli()).toJson());
        return new ChatMessage(true, text, now);
    }

    /** Tells the far side what we send; repeated on open so a late channel still learns it. */
    public void announceMedia(RemoteMediaState state) {
        lastAnnounced = state;
        if (!isOpen()) {
            return;
        }
        try {
            link.sendText(ControlMessage.media(state.microphoneOn(), state.cameraOn(), state.screenSharing()).toJson());
        } catch (DataLinkException e) {
            LOG.warn("Could not announce media state: {}", e.getMessage());
        }
    }

    public FileTransfers files() {
        return files;
    }

    private DataLink requireLink() throws DataLinkException {
        if (link == null) {
            throw new DataLinkException("the call has no data channel yet");
        }
        return link;
    }

    @Override
    public void onOpen() {
        events.channelOpen(true);
        if (lastAnnounced != null) {
            announceMedia(lastAnnounced);
        }
    }

    @Override
    public void onClosed() {
        events.channelOpen(false);
        files.linkClosed();
    }

    @Override
    public void onText(String text) {
        ControlMessage message = ControlMessage.parse(text);
        if (message == null) {
            LOG.debug("Ignoring an unreadable data channel message");
            return;
        }
        switch (message.type()) {
            case ControlMessage.CHAT -> onChat(message);
            case ControlMessage.MEDIA -> events.remoteMedia(new RemoteMediaState(
                    !Boolean.FALSE.equals(message.mic()), !Boolean.FALSE.equals(message.camera()),
                    Boolean.TRUE.equals(message.screen())));
            case ControlMessage.FILE_START, ControlMessage.FILE_END, ControlMessage.FILE_CANCEL,
                    ControlMessage.FILE_RESULT, ControlMessage.FILE_ACCEPT, ControlMessage.FILE_DECLINE ->
                    files.onControl(message);
            default -> LOG.debug("Ignoring data channel message of unknown type {}", message.type());
        }
    }

    private void onChat(ControlMessage message) {
        String text = message.text();
        if (text == null || text.isBlank() || text.length() > MAX_CHAT_LENGTH) {
            LOG.debug("Ignoring an empty or oversized chat message");
            return;
        }
        if (!chatLimit.tryAcquire()) {
            if (droppedChats++ % 100 == 0) {
                LOG.warn("The far side floods chat messages; dropped {} so far", droppedChats);
            }
            return;
        }
        Instant sentAt = message.sentAt() == null ? clock.instant() : Instant.ofEpochMilli(message.sentAt());
        events.chat(new ChatMessage(false, text, sentAt));
    }

    @Override
    public void onBinary(byte[] data) {
        files.onChunk(data);
    }

    @Override
    public void close() {
        files.close();
        if (link != null) {
            link.close();
        }
    }
}
