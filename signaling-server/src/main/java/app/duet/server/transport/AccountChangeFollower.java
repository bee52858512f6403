package app.duet.server.transport;

import app.duet.protocol.Protocol;
import app.duet.server.channels.AccountChangeClaims;
import app.duet.server.channels.ChannelRegistry;
import app.duet.server.store.AccountChanges;
import app.duet.server.store.AccountChanges.Change;
import app.duet.server.store.Accounts;
import app.duet.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the account changes that the admin commands (another process) and the users' own requests
 * (change_display_name, account_delete) record in the database: polled every second, and at once after a
 * user's own change, it closes the connections of a disabled or deleted account (close code
 * {@link Protocol#CLOSE_ACCOUNT_CLOSED}) or of one whose password the admin set ({@link
 * Protocol#CLOSE_SESSION_REVOKED}), ends its calls, and takes a deleted user out of its channels. With several
 * nodes every node does this for its own connections and its copy of the channels, and the node that claims
 * the change ({@link AccountChangeClaims}) also tells the channels' members. See
 * docs/decisions/0009-admin-commands.md and docs/decisions/0010-redis-cluster.md.
 */
public final class AccountChangeFollower {
    private static final Logger log = LoggerFactory.getLogger("duet.admin");
    /** Changes read per poll; more wait for the next one. */
    private static final int BATCH = 100;

    private final AccountChanges changes;
    private final Accounts accounts;
    private final ConnectionRegistry connections;
    private final ChannelRegistry channels;
    private final AccountChangeClaims claims;
    private long seen;
    private boolean failing;

    /** Starts after the newest change: the state loaded at start-up includes every earlier one. */
    public AccountChangeFollower(AccountChanges changes, Accounts accounts, ConnectionRegistry connections,
            ChannelRegistry channels, AccountChangeClaims claims) {
        this.changes = changes;
        this.accounts = accounts;
        this.connections = connections;
        this.channels = channels;
        this.claims = claims;
        this.seen = changes.latest();
    }

    /** Applies the changes recorded since the last poll. Runs on a worker; never two at once. */
    public synchronized void poll() {
        try {
            for (Change change : changes.after(seen, BATCH)) {
                seen = change.seq(); // first: a change that cannot be applied must not come back every second
                apply(change);
            }
            failing = false;
        } catch (StoreException e) {
            if (!failing) {
                log.warn("cannot read account changes, retrying every second: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private void apply(Change change) {
        String username = change.username();
        int closed = 0;
        switch (change.kind()) {
            case DISABLED -> {
                channels.accountClosed(username);
                closed = connections.closeUser(username, Protocol.CLOSE_ACCOUNT_CLOSED, "account disabled");
            }
            case DELETED -> {
                channels.accountDeleted(username, claims.claim(change.seq()));
                closed = connections.closeUser(username, Protocol.CLOSE_ACCOUNT_CLOSED, "account deleted");
            }
            case PASSWORD_SET -> {
                channels.accountClosed(username);
                closed = connections.closeUser(username, Protocol.CLOSE_SESSION_REVOKED, "password changed by the admin");
            }
            case RENAMED -> accounts.findByUsername(username).ifPresent(a -> {
                connections.renamed(username, a.displayName());
                channels.renamed(username, a.displayName(), claims.claim(change.seq()));
            });
            case ENABLED -> {
                // Nothing runs for a disabled account; it just may log in again.
            }
        }
        log.info("account change applied: change={} target={} connectionsClosed={}", change.kind().stored(), username, closed);
    }
}
