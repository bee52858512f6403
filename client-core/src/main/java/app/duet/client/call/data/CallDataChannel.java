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
 * Text frames carry {@link ControlMessage} JSON; binary frames carry file chunks. Each side greets the other
 * when the channel opens ({@code hello}, answered {@code hello_ack}): only a far side that greets back is
 * known to read chat and files, so until then the channel is reported closed and nothing is sent that
 * would be lost (a peer without this protocol, such as a plain browser page, never greets).
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
    /** The far side greeted: it speaks this protocol. */
    private boolean greeted;

    public CallDataChannel(DataEvents events, Clock clock, Path downloadDir, ExecutorService fileSendExecutor) {
        this.events = events;
        this.clock = clock;
        this.files = new FileTransfers(this::greetedLink, events::fileTransfer, downloadDir, fileSendExecutor);
    }

    /** Binds the link; called once, right after the channel is created. */
    public void bind(DataLink dataLink) {
        this.link = dataLink;
    }

    /** The link once the far side greeted; files are not offered to a side that cannot read them. */
    private DataLink greetedLink() {
        return greeted ? link : null;
    }

    /** Open, and the far side speaks this protocol. */
    public boolean isOpen() {
        return link != null && link.isOpen() && greeted;
    }

    public ChatMessage sendChat(String text) throws DataLinkException {
        if (text.isBlank() || text.length() > MAX_CHAT_LENGTH) {
            throw new IllegalArgumentException("chat messages are 1 to " + MAX_CHAT_LENGTH + " characters");
        }
        if (!isOpen()) {
            throw new DataLinkException("chat is not available: the other side's app has not answered on the"
                    + " call's data channel");
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
        send(ControlMessage.hello());
    }

    @Override
    public void onClosed() {
        greeted = false;
        events.channelOpen(false);
        files.linkClosed();
    }

    /** The far side greeted (or answered our greeting): chat and files may go, and learn what we send. */
    private void greeted() {
        if (greeted) {
            return;
        }
        greeted = true;
        events.channelOpen(true);
        if (lastAnnounced != null) {
            announceMedia(lastAnnounced);
        }
    }

    private void send(ControlMessage message) {
        try {
            requireLink().sendText(message.toJson());
        } catch (DataLinkException e) {
            LOG.warn("Could not send {} on the data channel: {}", message.type(), e.getMessage());
        }
    }

    @Override
    public void onText(String text) {
        ControlMessage message = ControlMessage.parse(text);
        if (message == null) {
            LOG.debug("Ignoring an unreadable data channel message");
            return;
        }
        switch (message.type()) {
            case ControlMessage.HELLO -> {
                send(ControlMessage.helloAck());
                greeted();
            }
            case ControlMessage.HELLO_ACK -> greeted();
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
