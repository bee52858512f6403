package app.duet.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes claiming account changes on one real Redis: each change is one node's, and Redis forgets it after a day. */
class RedisAccountChangeClaimsTest {
    private static final int CHANGES = 200;

    @TempDir
    Path dir;

    TwoNodesOnRedis nodes;
    RedisLink node1;
    RedisLink node2;

    @BeforeEach
    void start() throws Exception {
        nodes = TwoNodesOnRedis.start(dir);
        node1 = nodes.node1();
        node2 = nodes.node2();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.close();
    }

    @Test
    void aChangeIsClaimedOnceAndRemembersItsNodeForADay() {
        RedisAccountChangeClaims on1 = new RedisAccountChangeClaims(node1);
        RedisAccountChangeClaims on2 = new RedisAccountChangeClaims(node2);
        assertThat(on2.claim(7)).isTrue();
        assertThat(on1.claim(7)).isFalse();
        assertThat(on2.claim(7)).isFalse();
        assertThat(on1.claim(8)).isTrue();

        assertThat(node1.sync().get(RedisAccountChangeClaims.key(7))).isEqualTo("node-2");
        assertThat(node1.sync().pttl(RedisAccountChangeClaims.key(7)))
                .isPositive().isLessThanOrEqualTo(RedisAccountChangeClaims.HELD.toMillis());
    }

    @Test
    void twoNodesClaimingTheSameChangesAtOnceGetEachOnce() {
        CompletableFuture<Long> by1 = CompletableFuture.supplyAsync(() -> claimed(new RedisAccountChangeClaims(node1)));
        CompletableFuture<Long> by2 = CompletableFuture.supplyAsync(() -> claimed(new RedisAccountChangeClaims(node2)));
        assertThat(by1.join() + by2.join()).isEqualTo(CHANGES);
    }

    @Test
    void withRedisAwayTheNodeClaimsSoTheMembersAreToldRatherThanNot() throws Exception {
        RedisAccountChangeClaims on1 = new RedisAccountChangeClaims(node1);
        nodes.redis().close();
        assertThat(on1.claim(9)).isTrue();
        assertThat(on1.claim(9)).isTrue();
    }

    private static long claimed(RedisAccountChangeClaims claims) {
        return LongStream.rangeClosed(1, CHANGES).filter(claims::claim).count();
    }
}
