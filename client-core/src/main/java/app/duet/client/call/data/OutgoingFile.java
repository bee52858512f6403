package app.duet.client.call.data;

import java.nio.file.Path;

/** A file we offered or are sending; its flags are set by the data thread and read by the sending thread. */
final class OutgoingFile {
    final String name;
    final long size;
    final Path file;
    volatile boolean cancelled;
    /** Set once the receiver accepted: from then on the sending thread owns the cancel. */
    volatile boolean streaming;

    OutgoingFile(String name, long size, Path file) {
        this.name = name;
        this.size = size;
        this.file = file;
    }
}
