package app.duet.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.ManualClock;
import app.duet.server.auth.LoginThrottle;
import app.duet.server.auth.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' login throttles and rate limits on one real Redis: together they allow each limit once, not once
 * each, and an address the owner used on one node is known on the other.
 */
class RedisWindowCounterTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock();
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
    void aRateLimitIsSharedByTheNodesAndSlides() {
        RateLimit on1 = rateLimit(node1, 2);
        RateLimit on2 = rateLimit(node2, 2);
        assertThat(on1.tryAcquire("10.0.0.1")).isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(on2.tryAcquire("10.0.0.1")).isTrue();
        assertThat(on1.tryAcquire("10.0.0.1")).isFalse();
        assertThat(on2.tryAcquire("10.0.0.1")).isFalse();
        assertThat(on2.tryAcquire("10.0.0.2")).isTrue();
        // The first action leaves the window: one more is allowed, not two (refusals do not count).
        clock.advance(Duration.ofMinutes(30));
        assertThat(on2.tryAcquire("10.0.0.1")).isTrue();
        assertThat(on1.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void loginFailuresOnOneNodeThrottleTheOther() {
        LoginThrottle on1 = throttle(node1);
        LoginThrottle on2 = throttle(node2);
        assertThat(on1.tryStart("alice", "10.0.0.9")).isPresent();
        assertThat(on2.tryStart("alice", "10.0.0.9")).isPresent();
        assertThat(on1.tryStart("alice", "10.0.0.9")).isPresent();
        assertThat(on2.tryStart("alice", "10.0.0.9")).isEmpty();
    }

    @Test
    void aSucceededLoginTakesBackItsAttemptOnEveryNode() {
        LoginThrottle on1 = throttle(node1);
        LoginThrottle on2 = throttle(node2);
        on1.tryStart("bob", "10.0.0.7");
        on1.tryStart("bob", "10.0.0.7");
        on2.succeeded(on2.tryStart("bob", "10.0.0.7").orElseThrow());
        // The right password's attempt no longer counts for the account: two failures, room for one more
        // from an address bob never used.
        assertThat(on1.tryStart("bob", "10.0.0.66")).isPresent();
        assertThat(on1.tryStart("bob", "10.0.0.66")).isEmpty();
    }

    @Test
    void anAddressTheOwnerUsedOnOneNodeIsKnownOnTheOther() {
        LoginThrottle on1 = throttle(node1);
        LoginThrottle on2 = throttle(node2);
        on1.remember("carol", "10.0.0.5");
        for (int i = 0; i < 3; i++) {
            on2.tryStart("carol", "10.0.0.66");
        }
        assertThat(on2.tryStart("carol", "10.0.0.66")).as("the guesser").isEmpty();
        assertThat(on2.tryStart("carol", "10.0.0.5")).as("the owner, from her address").isPresent();
    }

    private RateLimit rateLimit(RedisLink node, int limit) {
        return new RateLimit(RedisWindowCounter.factory(node, clock).counter("test", HOUR), limit, Set.of());
    }

    private LoginThrottle throttle(RedisLink node) {
        return new LoginThrottle(clock, Duration.ofMinutes(15), 3, 50, RedisWindowCounter.factory(node, clock),
                new RedisKnownPairs(node, LoginThrottle.KNOWN_ADDRESS_MEMORY));
    }
}
