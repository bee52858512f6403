package app.duet.server.channels;

import app.duet.server.ServiceException;
import app.duet.server.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the registry's decisions to the stores without I/O under its lock: writes are submitted under the
 * lock to one serial executor, so the database sees them in the order they were decided (a call's insert
 * always before its delete), and run after the lock is released. Each write's future completes once it is
 * committed (or failed), so a request is answered only when what it changed is on disk.
 */
final class StoreWriter {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final Executor serial;
    /** Several nodes: the thread deciding in a transaction, whose writes wait until it commits. */
    private Thread holder;
    private List<Runnable> held;

    /** {@code serial} must run tasks one at a time, in submission order. */
    StoreWriter(Executor serial) {
        this.serial = serial;
    }

    /**
     * {@code what} names the change for the log if it fails, e.g. "channel change". A write that throws a
     * {@link ServiceException} was refused by the database (a rule, not a fault): its future fails with it.
     */
    CompletableFuture<Void> submit(String what, Runnable write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            try {
                write.run();
                done.complete(null);
            } catch (ServiceException refused) {
                log.debug("{} refused by the database: {}", what, refused.getMessage());
                done.completeExceptionally(refused);
            } catch (StoreException e) {
                if (e.storageUnavailable()) {
                    log.debug("could not store a {}: storage unavailable", what); // the store logged the outage
                } else {
                    log.error("could not store a {}", what, e);
                }
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                log.error("could not store a {}", what, e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /**
     * Until {@link #release()} or {@link #discard()}, what this thread submits waits: a decision that runs as a
     * transaction on shared state writes nothing until the transaction committed. Under the registry lock.
     */
    synchronized void hold() {
        holder = Thread.currentThread();
        held = new ArrayList<>();
    }

    /** The transaction committed: the held writes run, in order. */
    void release() {
        List<Runnable> writes;
        synchronized (this) {
            writes = held;
            holder = null;
            held = null;
        }
        writes.forEach(serial::execute);
    }

    /** The transaction failed: the held writes never run (their futures never complete). */
    synchronized void discard() {
        holder = null;
        held = null;
    }

    /** Completes when every write submitted before it has run, whether it succeeded or not. */
    CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        serial.execute(() -> done.complete(null));
        return done;
    }

    private void execute(Runnable write) {
        synchronized (this) {
            if (holder == Thread.currentThread()) {
                held.add(write);
                return;
            }
        }
        serial.execute(write);
    }
}
