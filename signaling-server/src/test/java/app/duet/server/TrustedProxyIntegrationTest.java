package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.Request;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address per-address limits see, observed through the login throttle's per-address count: two
 * failures from one address, and that address's third login is throttled while other addresses are not.
 */
@ExtendWith(NoLeakedThreads.class)
class TrustedProxyIntegrationTest {
    @TempDir
    Path dataDir;

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnCount() throws Exception {
        try (DuetServer server = start(List.of("127.0.0.1", "::1"))) {
            failTwice(server, "203.0.113.9");
            try (TestClient same = TestClient.helloForwardedFor(server, "203.0.113.9");
                    TestClient other = TestClient.helloForwardedFor(server, "198.51.100.4")) {
                same.error(login(same, "carol"), ErrorCode.LOGIN_THROTTLED);
                other.error(login(other, "carol"), ErrorCode.WRONG_CREDENTIALS);
            }
        }
    }

    @Test
    void hopsTheClientWroteLeftOfTheProxysEntryAreNotBelieved() throws Exception {
        try (DuetServer server = start(List.of("127.0.0.1"))) {
            failTwice(server, "192.0.2.1, 203.0.113.9");
            // A different made-up first hop does not make a different client: the proxy's entry is what counts.
            try (TestClient spoofer = TestClient.helloForwardedFor(server, "192.0.2.77, 203.0.113.9")) {
                spoofer.error(login(spoofer, "carol"), ErrorCode.LOGIN_THROTTLED);
            }
            // Trusted hops are skipped from the right, and IPv6 is normalised.
            try (TestClient chained = TestClient.helloForwardedFor(server, "2001:db8::1, 127.0.0.1");
                    TestClient sameV6 = TestClient.helloForwardedFor(server, "[2001:0db8:0:0:0:0:0:1]")) {
                chained.error(login(chained, "dave"), ErrorCode.WRONG_CREDENTIALS);
                chained.error(login(chained, "erin"), ErrorCode.WRONG_CREDENTIALS);
                sameV6.error(login(sameV6, "frank"), ErrorCode.LOGIN_THROTTLED);
            }
        }
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() throws Exception {
        try (DuetServer server = start(List.of())) {
            failTwice(server, "203.0.113.9");
            // Every client here is really 127.0.0.1, whatever it claims.
            try (TestClient claimsOther = TestClient.helloForwardedFor(server, "198.51.100.4")) {
                claimsOther.error(login(claimsOther, "carol"), ErrorCode.LOGIN_THROTTLED);
            }
        }
    }

    @Test
    void garbageInTheHeaderCountsAsTheProxy() throws Exception {
        try (DuetServer server = start(List.of("127.0.0.1"))) {
            failTwice(server, "not-an-address");
            try (TestClient direct = TestClient.hello(server);
                    TestClient forwarded = TestClient.helloForwardedFor(server, "203.0.113.9")) {
                direct.error(login(direct, "carol"), ErrorCode.LOGIN_THROTTLED);
                forwarded.error(login(forwarded, "carol"), ErrorCode.WRONG_CREDENTIALS);
            }
        }
    }

    private DuetServer start(List<String> trustedProxies) throws Exception {
        return DuetServer.start(TestServers.config(dataDir).opsPort(-1).trustedProxies(trustedProxies)
                .loginFailuresPerAddress(2).build());
    }

    /** Two failed logins, for different accounts so only the address count reaches its limit. */
    private static void failTwice(DuetServer server, String forwardedFor) throws Exception {
        try (TestClient c = TestClient.helloForwardedFor(server, forwardedFor)) {
            c.error(login(c, "alice"), ErrorCode.WRONG_CREDENTIALS);
            c.error(login(c, "bob"), ErrorCode.WRONG_CREDENTIALS);
        }
    }

    private static Request.Login login(TestClient c, String username) {
        return new Request.Login(c.nextId(), username, "not the password");
    }

    @Test
    void trustedProxiesMustBeAddresses() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> TestServers.config(dataDir).trustedProxies(List.of("proxy.example.org")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example.org");
    }
}
