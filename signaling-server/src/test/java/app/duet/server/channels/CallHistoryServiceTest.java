package app.duet.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Protocol;
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

/**
 * Retention: the purge keeps what ended within --history-days and deletes what is older; the account export's
 * newest calls. On the real store.
 */
class CallHistoryServiceTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void thePurgeDeletesCallsThatEndedBeforeTheRetention() {
        try (Stores stores = Stores.sqlite(dir.resolve("duet.db"))) {
            CallHistoryService service = serviceOn(stores);
            Instant justInside = NOW.minus(Duration.ofDays(90));
            stores.callHistory().record(ended("kept", justInside));
            stores.callHistory().record(ended("gone", justInside.minusMillis(1)));

            assertThat(service.purgeExpired()).isEqualTo(1);

            assertThat(stores.callHistory().read(new Query("ola", null, Long.MAX_VALUE, 10)))
                    .extracting(r -> r.call().callId()).containsExactly("kept");
        }
    }

    @Test
    void theExportHoldsTheNewestCallsAndSaysWhenThereAreMore() throws Exception {
        try (Stores stores = Stores.sqlite(dir.resolve("duet.db"))) {
            CallHistoryService service = serviceOn(stores);
            for (int i = 0; i < Protocol.MAX_EXPORT_CALLS; i++) {
                stores.callHistory().record(ended("c" + i, NOW.minusSeconds(Protocol.MAX_EXPORT_CALLS - i)));
            }
            CallHistoryService.ExportedCalls all = service.export("pia").get();
            assertThat(all.calls()).hasSize(Protocol.MAX_EXPORT_CALLS);
            assertThat(all.more()).isFalse();

            stores.callHistory().record(ended("newest", NOW));
            CallHistoryService.ExportedCalls newest = service.export("pia").get();

            assertThat(newest.calls()).hasSize(Protocol.MAX_EXPORT_CALLS);
            assertThat(newest.calls().get(0).callId()).isEqualTo("newest");
            assertThat(newest.calls().get(0).outgoing()).isFalse();
            assertThat(newest.more()).isTrue();
        }
    }

    private static CallHistoryService serviceOn(Stores stores) {
        for (String name : new String[] {"ola", "pia"}) {
            stores.accounts().create(new Account(name, name, name + "@example.org", "hash", NOW));
        }
        stores.channels().create("talk", "ola", NOW, ChannelRegistry.MAX_CHANNELS_OWNED);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ChannelRegistry registry = new ChannelRegistry(stores.channels(), stores.activeCalls(),
                stores.callHistory(), Runnable::run, new ChannelRegistryTest.RecordingRelay(), new ManualTimers(),
                clock, new CallTimeouts(Duration.ofSeconds(45), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        return new CallHistoryService(stores.callHistory(), registry,
                new ChannelRegistryTest.RecordingRelay(), Runnable::run, Runnable::run, clock, Duration.ofDays(90));
    }

    private static FinishedCall ended(String id, Instant at) {
        return new FinishedCall(id, "talk", "ola", "pia", "audio", "no_answer", at.minusSeconds(45), null, at, true);
    }
}
