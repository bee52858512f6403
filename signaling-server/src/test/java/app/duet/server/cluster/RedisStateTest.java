package app.duet.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.PrivateRedis;
import app.duet.protocol.ProtocolCodec;
import app.duet.server.channels.SharedTransaction;
import app.duet.server.transport.ConnectionRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' shared state on one real Redis: what the call rules rely on. A transaction commits only if no
 * other node changed what it read; a due timer is claimed by one node only, and comes due again when its
 * claimer's lease runs out without the claimer removing it.
 */
class RedisStateTest {
    @TempDir
    Path dir;

    private PrivateRedis redis;
    private final List<RedisLink> links = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = PrivateRedis.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        links.forEach(RedisLink::close);
        redis.close();
    }

    @Test
    void aTransactionCommitsNothingIfAnotherNodeChangedWhatItRead() {
        RedisState a = node("a");
        RedisState b = node("b");

        SharedTransaction first = a.begin();
        assertThat(first.get("duet:usercall:alice")).isNull();
        first.set("duet:usercall:alice", "call-1");
        first.putHash("duet:call:call-1", Map.of("id", "call-1"));

        SharedTransaction second = b.begin();
        assertThat(second.get("duet:usercall:alice")).isNull();
        second.set("duet:usercall:alice", "call-2");
        assertThat(second.commit()).isTrue();

        assertThat(first.commit()).as("the first read a key the second changed since").isFalse();
        assertThat(a.read("duet:call:call-1")).as("none of its writes applied").isEmpty();
        SharedTransaction again = a.begin();
        assertThat(again.get("duet:usercall:alice")).isEqualTo("call-2");
        again.abandon();
    }

    @Test
    void aDueTimerIsClaimedByOneNodeAndComesBackIfItsClaimerNeverRemovesIt() {
        RedisState a = node("a");
        RedisState b = node("b");
        SharedTransaction set = a.begin();
        set.schedule("RING:t1:call-1", 1_000);
        set.schedule("RING:t2:call-2", 90_000);
        assertThat(set.commit()).isTrue();

        assertThat(a.dueTimers(5_000, 10)).containsExactly("RING:t1:call-1");
        assertThat(a.claimTimer("RING:t1:call-1", 5_000, 35_000)).isTrue();
        assertThat(b.claimTimer("RING:t1:call-1", 5_000, 35_000)).as("claimed already").isFalse();
        assertThat(b.dueTimers(6_000, 10)).as("leased to a until 35 000").isEmpty();

        // a died before its transaction removed the timer: after the lease, b claims it.
        assertThat(b.dueTimers(35_000, 10)).containsExactly("RING:t1:call-1");
        assertThat(b.claimTimer("RING:t1:call-1", 35_000, 65_000)).isTrue();
        SharedTransaction fired = b.begin();
        fired.unschedule("RING:t1:call-1");
        assertThat(fired.commit()).isTrue();
        assertThat(b.dueTimers(100_000, 10)).containsExactly("RING:t2:call-2");
    }

    @Test
    void aChannelChangeCountsOnceAndEveryNodeSeesTheCount() {
        RedisState a = node("a");
        RedisState b = node("b");

        assertThat(b.channelVersion("duo")).isZero();
        assertThat(a.channelChanged("duo").join()).isEqualTo(1);
        assertThat(a.channelChanged("duo").join()).isEqualTo(2);

        assertThat(b.channelVersion("duo")).isEqualTo(2);
        assertThat(b.channelVersions()).containsEntry("duo", 2L);
    }

    private RedisState node(String id) {
        RedisLink link = new RedisLink(redis.url(), id);
        links.add(link);
        return new RedisState(link, new ClusterRelay(
                new ConnectionRegistry(new ProtocolCodec(), 1, Set.of()), link, new ProtocolCodec(), Clock.systemUTC()));
    }
}
