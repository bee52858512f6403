package app.duet.server.turn;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServersProviderTest {
    @Test
    void credentialIsBase64HmacSha1OfTheUsername() {
        // Reference value computed independently: printf '1700000000:alice' | openssl dgst -sha1 -hmac secret -binary | base64
        assertThat(IceServersProvider.credential("secret", "1700000000:alice")).isEqualTo("d8soP47RbdIKLDUOpnJPVQyq5Ts=");
    }

    @Test
    void usernameIsExpiryColonUser() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        IceServersProvider provider = new IceServersProvider(List.of(), List.of("turn:t.example.org"), "secret",
                Duration.ofHours(1), clock);
        Result.IceServers ice = provider.forUser("alice");
        assertThat(ice.iceServers().get(0).username()).isEqualTo("1700003600:alice");
        assertThat(ice.ttlSeconds()).isEqualTo(3600);
    }

    @Test
    void withNothingConfiguredTheListIsEmpty() {
        IceServersProvider provider = new IceServersProvider(List.of(), List.of(), null, Duration.ofHours(24),
                Clock.systemUTC());
        Result.IceServers ice = provider.forUser("alice");
        assertThat(ice.iceServers()).isEmpty();
        assertThat(ice.ttlSeconds()).isEqualTo(86_400);
    }
}
