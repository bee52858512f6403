package app.duet.bench.calls;

import app.duet.client.call.CallEnd;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.IncomingCall;
import app.duet.client.call.model.CallState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One side's call events; the callee side accepts every incoming ring at once. */
final class RigListener implements CallEngineListener {
    private static final Logger log = LoggerFactory.getLogger(RigListener.class);
    private final String name;
    private final boolean autoAccept;
    private final AtomicReference<CallEngine> engine = new AtomicReference<>();
    final List<CallEnd> ends = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile CallState state = CallState.IDLE;
    /** System.nanoTime() when this side last accepted a ring (the person's press of Accept). */
    volatile long acceptedNanos;

    RigListener(String name, boolean autoAccept) {
        this.name = name;
        this.autoAccept = autoAccept;
    }

    void engine(CallEngine callEngine) {
        engine.set(callEngine);
    }

    @Override
    public void incomingCall(IncomingCall call) {
        if (autoAccept) {
            acceptedNanos = System.nanoTime();
            engine.get().accept(call.media()).whenComplete((ok, error) -> {
                if (error != null) {
                    log.warn("{} could not accept {}: {}", name, call.callId(), error.toString());
                }
            });
        }
    }

    @Override
    public void stateChanged(CallState newState) {
        state = newState;
    }

    @Override
    public void callEnded(String callId, CallEnd how) {
        ends.add(how);
    }

    @Override
    public void problem(String message) {
        problems.add(message);
        log.warn("{}: {}", name, message);
    }
}
