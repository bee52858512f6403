package app.duet.server.channels;

import app.duet.protocol.ErrorCode;
import app.duet.server.ServiceException;
import java.util.function.Supplier;

/**
 * Runs a registry decision (under the registry lock) as one transaction on the calls that several nodes
 * share: the decision reads its calls from the {@link SharedCallBook}, which watches them; its call writes
 * are committed at the end, and its store writes (through the {@link StoreWriter}) run only once that
 * commit succeeded. If another node changed a call the decision read, nothing is applied and the decision
 * runs again on the fresh state. A decision that refuses (a {@link ServiceException}) applies what it wrote
 * before refusing, as on one node, provided what it read was still current.
 */
final class SharedAttempts {
    /** Conflicts need two nodes deciding about the same call in the same instant; this many in a row is a fault. */
    static final int MAX_ATTEMPTS = 20;

    private final SharedCallBook book;
    private final StoreWriter writer;

    SharedAttempts(SharedCallBook book, StoreWriter writer) {
        this.book = book;
        this.writer = writer;
    }

    <T> T run(Supplier<T> decision) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            writer.hold();
            T result;
            try {
                result = decision.get();
            } catch (ServiceException refused) {
                if (committed()) {
                    throw refused;
                }
                continue;
            } catch (RuntimeException e) {
                abandon();
                throw e;
            }
            if (committed()) {
                return result;
            }
        }
        throw new ServiceException(ErrorCode.INTERNAL, "The call changed too often at once; try again.");
    }

    private boolean committed() {
        boolean committed;
        try {
            committed = book.commit();
        } catch (RuntimeException e) {
            writer.discard();
            throw e;
        }
        if (committed) {
            writer.release();
        } else {
            writer.discard();
        }
        return committed;
    }

    private void abandon() {
        writer.discard();
        book.abandon();
    }
}
