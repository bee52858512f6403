package app.duet.client.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
        "duet.example.org, wss://duet.example.org",
        "duet.example.org:8686, wss://duet.example.org:8686",
        "  Duet.Example.org  , wss://Duet.Example.org",
        "127.0.0.1:8686, ws://127.0.0.1:8686",
        "localhost:8686, ws://localhost:8686",
        "[::1]:8686, ws://[::1]:8686",
        "ws://duet.example.org:8686, ws://duet.example.org:8686",
        "wss://127.0.0.1:8443, wss://127.0.0.1:8443",
        "WSS://duet.example.org/signal, WSS://duet.example.org/signal",
    })
    void aHostNameMeansWssExceptToThisComputerAndFullUrlsStayAsTyped(String typed, String uri) {
        assertThat(ServerAddress.parse(typed)).contains(URI.create(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "ws://", "http://duet.example.org", "https://duet.example.org", "duet example",
        "duet.example.org:port", "mailto:someone@example.org"})
    void refusesWhatCannotBeAServer(String typed) {
        assertThat(ServerAddress.parse(typed)).isEmpty();
    }

    @Test
    void onlyPlainWsToAnotherComputerIsUnencryptedRemote() {
        assertThat(ServerAddress.unencryptedRemote(URI.create("ws://duet.example.org"))).isTrue();
        assertThat(ServerAddress.unencryptedRemote(URI.create("ws://192.168.1.20:8686"))).isTrue();
        assertThat(ServerAddress.unencryptedRemote(URI.create("ws://127.0.0.1:8686"))).isFalse();
        assertThat(ServerAddress.unencryptedRemote(URI.create("ws://localhost:8686"))).isFalse();
        assertThat(ServerAddress.unencryptedRemote(URI.create("wss://duet.example.org"))).isFalse();
    }

    @Test
    void theSameServerWhateverTheSpellingOfItsDefaultPort() {
        assertThat(ServerAddress.sameServer(URI.create("wss://Duet.example.org"), URI.create("wss://duet.example.org:443")))
                .isTrue();
        assertThat(ServerAddress.sameServer(URI.create("ws://h"), URI.create("ws://h:80"))).isTrue();
        assertThat(ServerAddress.sameServer(URI.create("ws://h:8686"), URI.create("wss://h:8686"))).isFalse();
        assertThat(ServerAddress.sameServer(URI.create("wss://a"), URI.create("wss://b"))).isFalse();
    }

    @Test
    void showsTheShortFormWhenTypingItGivesTheAddressBack() {
        assertThat(ServerAddress.display(URI.create("wss://duet.example.org"))).isEqualTo("duet.example.org");
        assertThat(ServerAddress.display(URI.create("ws://127.0.0.1:8686"))).isEqualTo("127.0.0.1:8686");
        assertThat(ServerAddress.display(URI.create("ws://duet.example.org"))).isEqualTo("ws://duet.example.org");
        assertThat(ServerAddress.display(URI.create("wss://duet.example.org/signal"))).isEqualTo("wss://duet.example.org/signal");
        for (String shown : new String[] {"duet.example.org", "127.0.0.1:8686", "ws://duet.example.org"}) {
            assertThat(ServerAddress.parse(shown).map(ServerAddress::display)).contains(shown);
        }
    }
}
