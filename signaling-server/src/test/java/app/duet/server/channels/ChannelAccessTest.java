package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.auth.Secrets;
import app.duet.server.channels.ChannelRegistryTest.NoActiveCalls;
import app.duet.server.channels.ChannelRegistryTest.NoStore;
import app.duet.server.channels.ChannelRegistryTest.RecordingRelay;
import app.duet.server.store.Accounts.Account;
import app.duet.server.store.ChannelInvites.StoredInvite;
import app.duet.server.store.Channels.Refusal;
import app.duet.server.store.StoreException;
import app.duet.server.store.Stores;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the integration tests cannot make happen on demand: a join whose membership cannot be stored. The
 * invites are in a real SQLite file; only the registry's membership writes fail on demand.
 */
class ChannelAccessTest {
    private final Actor ann = new Actor("ann", "Ann", "s-ann", "c-ann");
    private final Actor bob = new Actor("bob", "Bob", "s-bob", "c-bob");

    /** Stores no channel; fails member writes while {@code failing}. */
    static final class FlakyChannels extends NoStore {
        volatile boolean failing;

        @Override public Optional<Refusal> addMember(String name, String username, Instant at, int maxMembers) {
            if (failing) {
                throw new StoreException("disk full", null);
            }
            return Optional.empty();
        }
    }

    @Test
    void aJoinThatCannotBeStoredGivesItsInviteUseBack(@TempDir Path dir) {
        Instant now = Instant.now();
        try (Stores stores = Stores.sqlite(dir.resolve("duet.db"))) {
            for (Actor a : new Actor[] {ann, bob}) {
                stores.accounts().create(new Account(a.username(), a.displayName(), a.username() + "@example.org",
                        "hash", now));
            }
            stores.channels().create("room", "ann", now, ChannelRegistry.MAX_CHANNELS_OWNED);
            FlakyChannels members = new FlakyChannels();
            ChannelRegistry registry = new ChannelRegistry(members, new NoActiveCalls(), new RecordingHistory(),
                    Runnable::run, new RecordingRelay(), new ManualTimers(), Clock.systemUTC(),
                    new CallTimeouts(ChannelRegistryTest.RING_TIMEOUT, ChannelRegistryTest.GRACE, ChannelRegistryTest.GRACE));
            ChannelAccess access = new ChannelAccess(registry, stores.privateChannels(), stores.channelInvites(),
                    stores.pendingJoins(), Runnable::run, new Secrets(new SecureRandom()), Clock.systemUTC());
            registry.create(ann, "room").join();
            String token = access.createInvite(ann, "room", 1, null).join().token();

            members.failing = true;
            assertThat(access.join(bob, "room", token)).isCompletedExceptionally();
            assertThat(stores.channelInvites().usable("room", Instant.now())).extracting(StoredInvite::uses)
                    .containsExactly(0);

            members.failing = false;
            assertThat(access.join(bob, "room", token).join().members()).hasSize(2);
            assertThat(stores.channelInvites().usable("room", Instant.now())).isEmpty();
        }
    }
}
