package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.auth.Secrets;
import app.duet.server.channels.ChannelRegistryTest.NoActiveCalls;
import app.duet.server.channels.ChannelRegistryTest.NoStore;
import app.duet.server.channels.ChannelRegistryTest.RecordingRelay;
import app.duet.server.store.PrivateChannels;
import app.duet.server.store.StoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the integration tests cannot make happen on demand: a join whose membership cannot be stored. */
class ChannelAccessTest {
    private final Actor ann = new Actor("ann", "Ann", "s-ann", "c-ann");
    private final Actor bob = new Actor("bob", "Bob", "s-bob", "c-bob");

    /** Stores no channel; fails member writes while {@code failing}. */
    static final class FlakyChannels extends NoStore {
        volatile boolean failing;

        @Override public void addMember(String name, String username, Instant at) {
            if (failing) {
                throw new StoreException("disk full", null);
            }
        }
    }

    /** Records what happened to invite uses. */
    static final class InviteUses implements PrivateChannels {
        final List<String> writes = new ArrayList<>();

        @Override public Loaded loadAll() { return new Loaded(List.of(), List.of(), List.of()); }
        @Override public void addInvite(StoredInvite invite) { }
        @Override public void inviteUsed(String id) { writes.add("used"); }
        @Override public void inviteUseReturned(String id) { writes.add("returned"); }
        @Override public void revokeInvite(String id, Instant at) { }
        @Override public void forgetInvite(String id) { }
        @Override public void setLocked(String channel, Instant lockedAtOrNull) { }
        @Override public void addRemoved(String channel, String username, Instant at) { }
        @Override public void clearRemoved(String channel, String username) { }
    }

    @Test
    void aJoinThatCannotBeStoredGivesItsInviteUseBack() {
        FlakyChannels stores = new FlakyChannels();
        InviteUses uses = new InviteUses();
        ChannelRegistry registry = new ChannelRegistry(stores, new NoActiveCalls(), new RecordingHistory(), Runnable::run,
                new RecordingRelay(), new ManualTimers(), Clock.systemUTC(),
                new CallTimeouts(ChannelRegistryTest.RING_TIMEOUT, ChannelRegistryTest.GRACE, ChannelRegistryTest.GRACE));
        ChannelAccess access = new ChannelAccess(registry, uses, new Secrets(new SecureRandom()), Clock.systemUTC());
        registry.create(ann, "room").join();
        String token = access.createInvite(ann, "room", 1, null).join().token();

        stores.failing = true;
        assertThat(access.join(bob, "room", token)).isCompletedExceptionally();
        assertThat(uses.writes).containsExactly("used", "returned");

        stores.failing = false;
        assertThat(access.join(bob, "room", token).join().members()).hasSize(2);
        assertThat(uses.writes).containsExactly("used", "returned", "used");
    }
}
