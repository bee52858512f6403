package app.duet.client.call;

/** Where the call is, as the {@link CallLifecycle} sees it. */
public enum LifecycleStage {
    IDLE,
    /** We ring (the server may not have answered the ring yet). */
    OUTGOING,
    /** Someone rings us. */
    INCOMING,
    /** We accepted; the server has not confirmed it yet. */
    ACCEPTING,
    /** Both sides are in the call. */
    ACTIVE
}
