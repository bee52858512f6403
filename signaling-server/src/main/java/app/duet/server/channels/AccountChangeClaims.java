package app.duet.server.channels;

/**
 * Which node tells the channel members of an account change (a rename, a deletion) that every node applies
 * from its own poll of the database: each node updates its own connections and its copy of the channels, and
 * only the one that claims the change sends the members' events, so each member is told once. In memory for
 * one node (it claims every change), in Redis when there are several (the cluster package).
 */
public interface AccountChangeClaims {
    /** A lone node: every change is its own to tell. */
    AccountChangeClaims ONE_NODE = seq -> true;

    /** True for one caller per change {@code seq} (the database's sequence number) across the nodes. */
    boolean claim(long seq);
}
