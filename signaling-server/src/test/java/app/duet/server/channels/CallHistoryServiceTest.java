package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.store.Accounts.Account;
import app.duet.server.store.CallHistory.FinishedCall;
import app.duet.server.store.CallHistory.Query;
import app.duet.server.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: the purge keeps what ended within --history-days and deletes what is older, on the real store. */
class CallHistoryServiceTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void thePurgeDeletesCallsThatEndedBeforeTheRetention() {
        try (Stores stores = Stores.sqlite(dir.resolve("duet.db"))) {
            for (String name : new String[] {"ola", "pia"}) {
                stores.accounts().create(new Account(name, name, name + "@example.org", "hash", NOW));
            }
            stores.channels().create("talk", "ola", NOW);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ChannelRegistry registry = new ChannelRegistry(stores.channels(), stores.activeCalls(),
                    stores.callHistory(), Runnable::run, new ChannelRegistryTest.RecordingRelay(), new ManualTimers(),
                    clock, new CallTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(30), Duration.ofSeconds(30)));
            CallHistoryService service = new CallHistoryService(stores.callHistory(), registry,
                    new ChannelRegistryTest.RecordingRelay(), Runnable::run, Runnable::run, clock, Duration.ofDays(90));
            Instant justInside = NOW.minus(Duration.ofDays(90));
            stores.callHistory().record(ended("kept", justInside));
            stores.callHistory().record(ended("gone", justInside.minusMillis(1)));

            assertThat(service.purgeExpired()).isEqualTo(1);

            assertThat(stores.callHistory().read(new Query("ola", null, Long.MAX_VALUE, 10)))
                    .extracting(r -> r.call().callId()).containsExactly("kept");
        }
    }

    private static FinishedCall ended(String id, Instant at) {
        return new FinishedCall(id, "talk", "ola", "pia", "audio", "no_answer", at.minusSeconds(45), null, at, true);
    }
}
