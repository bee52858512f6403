package app.duet.server.store;

import app.duet.server.store.StorageFailure.Kind;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database takes writes and answers, from what the last requests said. Logs one line when
 * they start failing and one when the database works again, rather than a stack trace per request.
 */
final class StorageHealth {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);

    private final AtomicReference<StorageFailure> current = new AtomicReference<>();

    void failed(StorageFailure failure) {
        if (current.compareAndSet(null, failure)) {
            String what = failure.kind() == Kind.UNREACHABLE ? "the database cannot be reached" : "the database cannot be written";
            log.warn("storage unavailable: {} ({}: {}); requests that need it are refused with STORAGE_UNAVAILABLE "
                    + "until it works again", what, failure.code(), failure.detail());
        } else {
            log.debug("storage still unavailable ({})", failure.code());
        }
    }

    /** "ok", "unwritable" or "unreachable": what the last requests and probes found, read without waiting. */
    String state() {
        StorageFailure failure = current.get();
        if (failure == null) {
            return "ok";
        }
        return failure.kind() == Kind.UNWRITABLE ? "unwritable" : "unreachable";
    }

    /** False from a write the disk refused until one succeeds again. */
    boolean writable() {
        StorageFailure failure = current.get();
        return failure == null || failure.kind() != Kind.UNWRITABLE;
    }

    /** A write succeeded: whatever failed works again. */
    void wrote() {
        recovered(current.get());
    }

    /** A read succeeded: a database that was out of reach is back (a full disk still needs a write). */
    void answered() {
        StorageFailure failure = current.get();
        if (failure != null && failure.kind() == Kind.UNREACHABLE) {
            recovered(failure);
        }
    }

    private void recovered(StorageFailure failure) {
        if (failure != null && current.compareAndSet(failure, null)) {
            log.info(failure.kind() == Kind.UNWRITABLE ? "storage is writable again" : "the database answers again");
        }
    }
}
