package app.duet.client.call.model;

import java.nio.file.Path;

/**
 * Progress or outcome of one file transfer in either direction.
 *
 * @param savedTo where a completed incoming file was stored, else null
 * @param error   a sentence for the user when the transfer failed, else null
 */
public record FileTransferUpdate(String transferId, Direction direction, String fileName, long bytesDone,
                                 long totalBytes, Status status, Path savedTo, String error) {

    public enum Direction { OUTGOING, INCOMING }

    /**
     * OFFERED: announced and waiting for the receiver's answer (incoming: ours to accept or decline with
     * {@link CallEngine#acceptFile}/{@link CallEngine#declineFile}); DECLINED: the receiver said no.
     */
    public enum Status { OFFERED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, DECLINED }

    public double fraction() {
        return totalBytes == 0 ? 1.0 : (double) bytesDone / totalBytes;
    }
}
