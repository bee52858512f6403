package app.duet.client.call;

/** Call events plus the ring-level ones the facade adds; runs on the executor given to {@link CallEngine}. */
public interface CallEngineListener extends CallListener {

    default void incomingCall(IncomingCall call) {
    }

    /** The current call or ring is over; the engine is idle again. */
    default void callEnded(String callId, CallEnd how) {
    }
}
