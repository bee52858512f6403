package app.duet.server.channels;

/**
 * Decides whether a user came online or went offline ({@link Relay#cameOnline}, {@link Relay#wentOffline})
 * and tells it, one change of a user at a time: a connection that closes while another opens cannot have
 * its "offline" told after the new one's "online".
 */
final class PresenceChanges {
    /** Users share a lock by hash: a change waits only for those of users in its stripe. */
    private static final int STRIPES = 64;

    private final Relay relay;
    private final Object[] stripes = new Object[STRIPES];

    PresenceChanges(Relay relay) {
        this.relay = relay;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Runs {@code tell} if the user's first connection here made them come online, or last one go offline. */
    void inOrder(String username, boolean online, Runnable tell) {
        synchronized (stripes[Math.floorMod(username.hashCode(), STRIPES)]) {
            if (online ? relay.cameOnline(username) : relay.wentOffline(username)) {
                tell.run();
            }
        }
    }
}
