package app.duet.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The log of account changes made by the admin commands, which a running server follows to apply them to
 * its connections, calls and channels (see docs/decisions/0009-admin-commands.md).
 */
public interface AccountChanges {
    enum Kind {
        DISABLED, ENABLED, DELETED, RENAMED, PASSWORD_SET;

        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofStored(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    record Change(long seq, String username, Kind kind) {
    }

    /** The sequence number of the newest change, 0 if there is none. */
    long latest();

    /** Changes after {@code seq}, oldest first, at most {@code limit}. */
    List<Change> after(long seq, int limit);

    /** Forgets changes recorded before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff);
}
