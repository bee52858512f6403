package app.duet.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthDeadlineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private long now = 1_000;
    private final FakePeer anonymous = new FakePeer();
    private final FakePeer authenticated = new FakePeer();
    private final AuthDeadline deadline = new AuthDeadline(() -> List.of(anonymous, authenticated), TIMEOUT, () -> now);

    @Test
    void closesOnlyConnectionsStillUnauthenticatedAfterTheTimeout() {
        anonymous.since = now;
        authenticated.since = now;
        authenticated.authenticated = true;
        now += TIMEOUT.toNanos();
        deadline.tick();
        assertThat(anonymous.closed).as("exactly at the deadline").isZero();
        now += 1;
        deadline.tick();
        assertThat(anonymous.closed).isEqualTo(1);
        assertThat(authenticated.closed).isZero();
    }

    @Test
    void theClockStartsAgainWhenAConnectionBecomesUnauthenticated() {
        anonymous.since = now + TIMEOUT.toNanos() / 2; // logged out half way
        now += TIMEOUT.toNanos() + 1;
        deadline.tick();
        assertThat(anonymous.closed).isZero();
    }

    private static final class FakePeer implements AuthDeadline.Peer {
        long since;
        boolean authenticated;
        int closed;

        @Override
        public boolean authenticated() {
            return authenticated;
        }

        @Override
        public long unauthenticatedSinceNanos() {
            return since;
        }

        @Override
        public void closeUnauthenticated() {
            closed++;
        }
    }
}
