package app.duet.client.call.data;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What sending and receiving files share: the call's data link, and the updates our person sees. */
final class TransferChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TransferChannel.class);

    private final Supplier<DataLink> link;
    private final Consumer<FileTransferUpdate> updates;

    TransferChannel(Supplier<DataLink> link, Consumer<FileTransferUpdate> updates) {
        this.link = link;
        this.updates = updates;
    }

    /** Tells the far side, if the link is open; a message that cannot go is logged and dropped. */
    void sendControl(ControlMessage message) {
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

    DataLink requireLink() throws DataLinkException {
        DataLink channel = link.get();
        if (channel == null) {
            throw new DataLinkException("the call has no data channel");
        }
        return channel;
    }

    void report(String id, Direction direction, String name, long done, long total, Status status, Path savedTo,
                String error) {
        updates.accept(new FileTransferUpdate(id, direction, name, done, total, status, savedTo, error));
    }
}
